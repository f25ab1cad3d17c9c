//! Differential test: Union's selector engine and servo's `selectors` crate
//! must agree on which of thousands of random rules (descendant, child, `+`,
//! `~`, ids, hints, states, attributes, `:first-child`, `:nth-child`) match
//! every element of random chains.

#[path = "../benches/support/servo.rs"]
#[allow(dead_code, clippy::unwrap_used, reason = "shared with the benchmark")]
mod servo;
#[path = "../benches/support/workload.rs"]
#[allow(dead_code, clippy::unwrap_used, reason = "shared with the benchmark")]
mod workload;

#[test]
fn union_and_servo_agree_on_random_rules_and_chains() {
    let mut compared = 0;
    let mut matched = 0;
    for seed in [1_u64, 0x9e37_79b9_7f4a_7c15, 42, 7_777_777] {
        let workload = workload::generate(seed, 600, 40);
        // servo caches nth-child indices by element address: one cache per workload.
        let mut matcher = servo::Matcher::default();
        for query in &workload.queries {
            let ours = workload::union_matches(&workload.rules, query);
            let theirs = workload::servo_matches(&mut matcher, &workload.servo, query);
            for (depth, (a, b)) in ours.iter().zip(&theirs).enumerate() {
                assert_eq!(
                    a,
                    b,
                    "seed {seed}: engines disagree at depth {depth} of {:?}",
                    query.chain()
                );
                compared += workload.rules.len();
                matched += a.len();
            }
        }
    }
    // Guard against a vacuous comparison: the workload must produce matches.
    assert!(compared > 100_000, "{compared}");
    assert!(matched > 1_000, "only {matched} matches");
}
