// The outside truth for Union's Plasma frames: renders frames with KDE's
// own libplasma (KF5 Plasma::FrameSvg) and reports their margins, so that
// union-input-plasma can be compared against it. Built and run by
// scripts/plasma-reference (Debian's libkf5plasma-dev), with
// QT_QPA_PLATFORM=offscreen.
//
//   framesvg-reference render   reads jobs from stdin, one per line:
//                               THEME IMAGE PREFIX WIDTH HEIGHT SCALE OUT.png
//                               (PREFIX "-" for none) and prints one JSON
//                               object per job.
//   framesvg-reference rects THEME IMAGE ID...
//                               prints each element's rect and size as
//                               libplasma's Svg reports them.
//   framesvg-reference time THEME IMAGE PREFIX SCALE
//                               times renders of the frame at widths 40..400:
//                               the first render of the process (theme and
//                               SVG loaded), renders at new sizes, and
//                               renders at sizes already drawn (cached);
//                               before them, a theme load (the theme and
//                               the images Union's mapping uses, parsed).

#include <QGuiApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPixmap>
#include <QTextStream>

#include <Plasma/FrameSvg>
#include <Plasma/Theme>

#include <cstdio>

static QJsonObject edges(const Plasma::FrameSvg &frame, qreal (Plasma::FrameSvg::*get)(Plasma::Types::MarginEdge) const)
{
    QJsonObject out;
    out["left"] = (frame.*get)(Plasma::Types::LeftMargin);
    out["top"] = (frame.*get)(Plasma::Types::TopMargin);
    out["right"] = (frame.*get)(Plasma::Types::RightMargin);
    out["bottom"] = (frame.*get)(Plasma::Types::BottomMargin);
    return out;
}

static int render(QTextStream &in)
{
    QTextStream out(stdout);
    QHash<QString, Plasma::Theme *> themes;
    while (!in.atEnd()) {
        const QStringList job = in.readLine().split(' ', Qt::SkipEmptyParts);
        if (job.size() != 7) {
            continue;
        }
        const QString &name = job[0];
        if (!themes.contains(name)) {
            themes.insert(name, new Plasma::Theme(name));
        }
        Plasma::FrameSvg frame;
        frame.setTheme(themes.value(name));
        frame.setImagePath(job[1]);
        frame.setDevicePixelRatio(job[5].toDouble());
        frame.setEnabledBorders(Plasma::FrameSvg::AllBorders);
        const QString prefix = job[2] == QLatin1String("-") ? QString() : job[2];
        const bool found = frame.hasElementPrefix(prefix);
        frame.setElementPrefix(prefix);
        frame.resizeFrame(QSizeF(job[3].toDouble(), job[4].toDouble()));
        const QPixmap pixmap = frame.framePixmap();
        const bool saved = pixmap.toImage().convertToFormat(QImage::Format_ARGB32).save(job[6]);

        QJsonObject result;
        result["theme"] = name;
        result["image"] = job[1];
        result["prefix"] = prefix;
        result["size"] = QJsonArray({job[3].toDouble(), job[4].toDouble()});
        result["scale"] = job[5].toDouble();
        result["out"] = job[6];
        result["saved"] = saved;
        result["width"] = pixmap.width();
        result["height"] = pixmap.height();
        result["prefix_found"] = found;
        result["actual_prefix"] = frame.actualPrefix();
        result["file"] = themes.value(name)->imagePath(job[1]);
        result["margins"] = edges(frame, &Plasma::FrameSvg::marginSize);
        result["fixed_margins"] = edges(frame, &Plasma::FrameSvg::fixedMarginSize);
        result["insets"] = edges(frame, &Plasma::FrameSvg::insetSize);
        out << QJsonDocument(result).toJson(QJsonDocument::Compact) << '\n';
        out.flush();
    }
    return 0;
}

static int rects(const QStringList &args)
{
    Plasma::Theme theme(args[0]);
    Plasma::Svg svg;
    svg.setTheme(&theme);
    svg.setImagePath(args[1]);
    QJsonObject result;
    for (const QString &id : args.mid(2)) {
        const QRectF rect = svg.elementRect(id);
        const QSize size = svg.elementSize(id);
        result[id] = QJsonArray({rect.x(), rect.y(), rect.width(), rect.height(), size.width(), size.height()});
    }
    QTextStream(stdout) << QJsonDocument(result).toJson(QJsonDocument::Compact) << '\n';
    return 0;
}

static int time(const QStringList &args)
{
    QElapsedTimer timer;
    // A theme load: the theme and every image Union's mapping uses, parsed.
    timer.start();
    Plasma::Theme theme(args[0]);
    qint64 elements = 0;
    const char *images[] = {"widgets/button", "widgets/lineedit", "widgets/checkmarks",
        "widgets/radiobutton", "widgets/slider", "widgets/bar_meter_horizontal",
        "widgets/scrollbar", "widgets/arrows", "widgets/tabbar", "widgets/frame",
        "widgets/toolbar", "dialogs/background", "widgets/tooltip", "widgets/viewitem",
        "widgets/menubaritem"};
    for (const char *image : images) {
        Plasma::Svg svg;
        svg.setTheme(&theme);
        svg.setImagePath(QLatin1String(image));
        elements += svg.hasElement(QStringLiteral("hint-tile-center")) ? 1 : 0;
        elements += svg.elementSize(QStringLiteral("center")).width();
    }
    const qint64 theme_load = timer.nsecsElapsed();

    Plasma::FrameSvg frame;
    timer.restart();
    frame.setTheme(&theme);
    frame.setImagePath(args[1]);
    frame.setDevicePixelRatio(args[3].toDouble());
    frame.setElementPrefix(args[2]);
    frame.resizeFrame(QSizeF(40, 32));
    qint64 sink = frame.framePixmap().width();
    const qint64 first = timer.nsecsElapsed();

    // New sizes: every width from 41 to 400 once.
    timer.restart();
    int count = 0;
    for (int width = 41; width <= 400; ++width, ++count) {
        frame.resizeFrame(QSizeF(width, 32));
        sink += frame.framePixmap().width();
    }
    const qint64 fresh = timer.nsecsElapsed() / count;

    // The same sizes again: libplasma's frame cache answers.
    timer.restart();
    for (int width = 41; width <= 400; ++width) {
        frame.resizeFrame(QSizeF(width, 32));
        sink += frame.framePixmap().width();
    }
    const qint64 cached = timer.nsecsElapsed() / count;

    QJsonObject result;
    result["theme_load_ns"] = double(theme_load);
    result["first_render_ns"] = double(first);
    result["new_size_render_ns"] = double(fresh);
    result["cached_render_ns"] = double(cached);
    result["sink"] = double(sink + elements);
    QTextStream(stdout) << QJsonDocument(result).toJson(QJsonDocument::Compact) << '\n';
    return 0;
}

int main(int argc, char **argv)
{
    QGuiApplication app(argc, argv);
    const QStringList args = app.arguments().mid(1);
    if (args.value(0) == QLatin1String("render")) {
        QTextStream in(stdin);
        return render(in);
    }
    if (args.value(0) == QLatin1String("rects") && args.size() >= 4) {
        return rects(args.mid(1));
    }
    if (args.value(0) == QLatin1String("time") && args.size() == 5) {
        return time(args.mid(1));
    }
    std::fprintf(stderr, "usage: framesvg-reference render < jobs | time THEME IMAGE PREFIX SCALE\n");
    return 2;
}
