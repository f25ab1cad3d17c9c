//! Reading theme files safely: only regular files are opened (a FIFO would
//! block the reader forever, a device such as `/dev/zero` never ends), and
//! no more than a limit is read whatever the file's metadata claims.
//! Every input and output reads theme files through here.

use std::fs::File;
use std::io::Read;
use std::path::Path;

/// Why a file was not read.
#[derive(Debug)]
pub enum ReadError {
    /// It could not be opened or read.
    Io(std::io::Error),
    /// It is not a regular file (a FIFO, a device, a folder).
    NotRegular,
    /// It holds more than the limit.
    TooLarge(u64),
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::Io(error) => write!(f, "cannot read: {error}"),
            ReadError::NotRegular => {
                f.write_str("not a regular file (a FIFO, a device or a folder): refused")
            }
            ReadError::TooLarge(limit) => write!(f, "the file is larger than {limit} bytes"),
        }
    }
}

impl std::error::Error for ReadError {}

/// Opens `path` for reading if it is a regular file (links are followed).
/// The type is checked before opening (opening a FIFO blocks) and again on
/// the open file.
///
/// # Errors
/// When it is not a regular file or cannot be opened.
pub fn open_regular(path: &Path) -> Result<File, ReadError> {
    if !std::fs::metadata(path).map_err(ReadError::Io)?.is_file() {
        return Err(ReadError::NotRegular);
    }
    let file = File::open(path).map_err(ReadError::Io)?;
    check_regular(&file)?;
    Ok(file)
}

/// Refuses an open file that is not a regular file.
///
/// # Errors
/// When it is not one, or its metadata cannot be read.
pub fn check_regular(file: &File) -> Result<(), ReadError> {
    if file.metadata().map_err(ReadError::Io)?.is_file() {
        Ok(())
    } else {
        Err(ReadError::NotRegular)
    }
}

/// Reads at most `limit` bytes of the open `file`; more is an error (a
/// file that grows while it is read, or whose size lied, is bounded too).
///
/// # Errors
/// When reading fails or the file holds more than `limit` bytes.
pub fn read_limited(file: File, limit: u64) -> Result<Vec<u8>, ReadError> {
    let mut bytes = Vec::new();
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge(limit));
    }
    Ok(bytes)
}

/// [`open_regular`] then [`read_limited`].
///
/// # Errors
/// As both.
pub fn read_regular(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    read_limited(open_regular(path)?, limit)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn devices_fifos_and_folders_are_refused_and_limits_hold() {
        let dir = std::env::temp_dir().join(format!("union-files-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
        let small = dir.join("small.css");
        std::fs::write(&small, b"button {}").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            read_regular(&small, 100).ok().as_deref(),
            Some(&b"button {}"[..])
        );
        assert!(matches!(
            read_regular(&small, 3),
            Err(ReadError::TooLarge(3))
        ));
        assert!(matches!(
            read_regular(&dir, 100),
            Err(ReadError::NotRegular)
        ));
        assert!(matches!(
            read_regular(Path::new("/dev/zero"), 100),
            Err(ReadError::NotRegular)
        ));
        // A FIFO (made with mkfifo where it exists) is refused without
        // blocking.
        let fifo = dir.join("fifo");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .is_ok_and(|s| s.success());
        if made {
            assert!(matches!(
                read_regular(&fifo, 100),
                Err(ReadError::NotRegular)
            ));
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
}
