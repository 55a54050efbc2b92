//! Replays every input kept under `fuzz/regressions/<target>/` (crashes, aborts, hangs and
//! over-budget allocations the fuzzers or the malformed corpus found, after their fix) through the
//! same entry points the fuzz targets use (`holoforge::harness`), on stable Rust.

use std::path::Path;

#[test]
fn every_kept_fuzz_finding_is_handled() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions");
    let mut replayed = 0;
    for (target, entry) in holoforge::harness::TARGETS {
        let folder = root.join(target);
        let Ok(files) = std::fs::read_dir(&folder) else { continue };
        for file in files {
            let path = file.unwrap().path();
            let data = std::fs::read(&path).unwrap();
            // A panic here fails the test and names the input.
            let outcome = std::panic::catch_unwind(|| entry(&data));
            assert!(outcome.is_ok(), "{target}: {} panicked", path.display());
            replayed += 1;
        }
    }
    assert!(replayed > 0, "no regression inputs under {}", root.display());
}
