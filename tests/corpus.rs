//! The public test corpus in `../shared/models` (skipped when it is absent): every in-scope model
//! loads and renders something visible; every malformed file gets the outcome EXPECTED.tsv asks for.

use crate::util;

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use holoforge::camera::{camera_pose, CameraSettings, Framing};
use holoforge::look::{Background, Look};
use holoforge::render::{Antialiasing, FrameInput, RenderSettings, Renderer};
use holoforge::scene::{self, UpChoice};

/// Files without triangles: they must fail. (The corpus README marks the Draco and meshopt files
/// unsupported; holoforge now decodes them, see below.)
const MUST_FAIL: &[(&str, &str)] = &[
    ("gltf/Mesh_PrimitiveMode/Mesh_PrimitiveMode_00.gltf", "no triangles"),
    ("gltf/Mesh_PrimitiveMode/Mesh_PrimitiveMode_01.gltf", "no triangles"),
    ("gltf/Mesh_PrimitiveMode/Mesh_PrimitiveMode_02.gltf", "no triangles"),
    ("gltf/Mesh_PrimitiveMode/Mesh_PrimitiveMode_03.gltf", "no triangles"),
    ("gltf/Mesh_PrimitiveMode/Mesh_PrimitiveMode_07.gltf", "no triangles"),
    ("gltf/Mesh_PrimitiveMode/Mesh_PrimitiveMode_08.gltf", "no triangles"),
    ("gltf/Mesh_PrimitiveMode/Mesh_PrimitiveMode_09.gltf", "no triangles"),
    ("gltf/Mesh_PrimitiveMode/Mesh_PrimitiveMode_10.gltf", "no triangles"),
    ("obj/assimp/testline.obj", "no faces"),
    ("obj/assimp/testpoints.obj", "no faces"),
    ("obj/assimp/point_cloud.obj", "no faces"),
    ("ply/assimp/points.ply", "no faces"),
    ("ply/trimesh/points_bin.ply", "no faces"),
];

/// Triangle counts from the corpus README (trimesh's count), at least one per format.
const KNOWN_TRIANGLES: &[(&str, usize)] = &[
    ("glb/Box.glb", 12),
    // meshopt-compressed and quantised: the counts of their uncompressed sources.
    ("glb/BoxMeshopt.glb", 12),
    ("gltf/BoxMeshopt/BoxMeshopt.gltf", 12),
    ("gltf/MeshoptFallback/meshopt-fallback.gltf", 60),
    ("gltf/MeshoptNoFallback/meshopt-no-fallback.gltf", 60),
    ("gltf/BoxDraco/BoxDraco.gltf", 12),
    ("gltf/DracoSparseMesh/DracoSparseMesh.gltf", 102),
    ("glb/DamagedHelmet.glb", 15_452),
    ("gltf/FlightHelmet/FlightHelmet.gltf", 94_722),
    ("obj/stanford-bunny/stanford-bunny.obj", 69_451),
    ("obj/teapot/teapot.obj", 6_320),
    ("ply/assimp/cube_uv.ply", 12),
    ("ply/trimesh/tet.ply", 4),
    ("stl/assimp/Spider_ascii.stl", 1_368),
    ("stl/assimp/Spider_binary.stl", 1_368),
    ("stl/assimp/Wuson.stl", 3_732),
    ("stl/assimp/3DSMaxExport.STL", 2_000),
];

fn model_files(root: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut folders = vec![root.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else if path
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| ["glb", "gltf", "obj", "ply", "stl"].contains(&e.to_ascii_lowercase().as_str()))
            {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

fn in_scope_models() -> Option<(PathBuf, Vec<PathBuf>)> {
    let root = util::shared_models()?;
    let files = ["glb", "gltf", "obj", "ply", "stl"].iter().flat_map(|f| model_files(&root.join(f))).collect();
    Some((root, files))
}

#[test]
fn every_in_scope_corpus_model_loads_with_the_known_triangle_counts() {
    let Some((root, files)) = in_scope_models() else { return };
    assert!(files.len() > 100, "corpus looks incomplete: {} files", files.len());
    let mut failures = Vec::new();
    for file in &files {
        let relative = file.strip_prefix(&root).unwrap().to_string_lossy().replace('\\', "/");
        let result = scene::load(file, UpChoice::Auto);
        match (MUST_FAIL.iter().find(|(p, _)| *p == relative), result) {
            (Some((_, why)), Ok(_)) => failures.push(format!("{relative}: loaded but must fail ({why})")),
            (Some((_, why)), Err(e)) if !format!("{e:#}").contains(why) => {
                failures.push(format!("{relative}: failed with '{e:#}', expected '{why}'"))
            }
            (Some(_), Err(_)) => {}
            (None, Err(e)) => failures.push(format!("{relative}: {e:#}")),
            (None, Ok(scene)) => {
                if let Some((_, count)) = KNOWN_TRIANGLES.iter().find(|(p, _)| *p == relative) {
                    if scene.triangle_count() != *count {
                        failures.push(format!("{relative}: {} triangles, expected {count}", scene.triangle_count()));
                    }
                }
                if !scene.bounds.is_finite() || scene.triangle_count() == 0 {
                    failures.push(format!("{relative}: bad bounds or no triangles"));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{} problem(s):\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn z_up_stl_and_y_up_obj_of_the_same_teapot_stand_the_same_way() {
    let Some(root) = util::shared_models() else { return };
    let obj = scene::load(&root.join("obj/teapot/teapot.obj"), UpChoice::Auto).unwrap();
    let stl = scene::load(&root.join("stl/trimesh/teapot.stl"), UpChoice::Auto).unwrap();
    let shape = |s: &scene::Scene| {
        let size = s.bounds.size();
        size.y / size.x.max(size.z)
    };
    assert!((shape(&obj) - shape(&stl)).abs() < 0.1, "obj {} vs stl {}", shape(&obj), shape(&stl));
    let forced_y = scene::load(&root.join("stl/trimesh/teapot.stl"), UpChoice::Y).unwrap();
    assert!((shape(&forced_y) - shape(&stl)).abs() > 0.1, "--up y did not change the STL's orientation");
}

#[test]
fn every_in_scope_corpus_model_renders_a_visible_frame() {
    let Some((root, files)) = in_scope_models() else { return };
    let mut renderer = Renderer::new(None).expect("a GPU adapter (lavapipe in CI)");
    let settings = RenderSettings::single(48, 48, Antialiasing::None, Look::default(), Background::Transparent);
    let mut empty = Vec::new();
    for file in &files {
        let Ok(scene) = scene::load(file, UpChoice::Auto) else { continue };
        let framing = Framing::from_scene(&scene);
        let camera = camera_pose(&framing, &CameraSettings::default(), 1.0, 0.125);
        let input = FrameInput { index: 0, time: 0.0, views: vec![camera], vertices: None };
        let frame = renderer
            .begin(&scene, &settings)
            .and_then(|stream| stream.frames([input]).next().expect("one frame"))
            .unwrap_or_else(|e| panic!("{}: {e:#}", file.display()));
        let covered = frame.rgba.chunks_exact(4).filter(|p| p[3] > 0).count();
        if covered == 0 {
            empty.push(file.strip_prefix(&root).unwrap().display().to_string());
        }
    }
    assert!(empty.is_empty(), "empty renders: {empty:?}");
}

/// Runs `holoforge inspect` with a time limit; returns (exit code or None for a signal/timeout, stderr).
fn inspect_with_limit(path: &Path, limit: Duration) -> (Option<i32>, String) {
    let mut child = util::spawn(
        util::holoforge_command().args(["inspect", "--json"]).arg(path).stdout(Stdio::null()).stderr(Stdio::piped()),
    );
    let started = Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            let output = child.wait_with_output().unwrap();
            return (output.status.code(), String::from_utf8_lossy(&output.stderr).into_owned());
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            return (None, format!("timed out after {limit:?}"));
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

#[test]
fn every_malformed_file_gets_the_expected_outcome_without_a_crash() {
    let Some(root) = util::shared_models() else { return };
    let bad = root.join("bad");
    let expected = std::fs::read_to_string(bad.join("EXPECTED.tsv")).unwrap();
    let mut failures = Vec::new();
    let mut cases = 0;
    for line in expected.lines().skip(1) {
        let mut fields = line.split('\t');
        let (Some(path), Some(expect)) = (fields.next(), fields.next()) else { continue };
        cases += 1;
        let (code, stderr) = inspect_with_limit(&bad.join(path), Duration::from_secs(20));
        let names_file = stderr.contains(path.rsplit('/').next().unwrap_or(path));
        let ok = match (expect, code) {
            ("reject", Some(1)) => stderr.starts_with("error: ") && names_file,
            ("warn", Some(0)) => stderr.starts_with("warning: ") && names_file,
            ("warn", Some(1)) => stderr.starts_with("error: ") && names_file,
            ("reject-or-warn", Some(0 | 1)) => true,
            _ => false,
        };
        if !ok {
            failures.push(format!("{path} ({expect}): exit {code:?}: {}", stderr.lines().next().unwrap_or("")));
        }
    }
    assert_eq!(cases, 159, "EXPECTED.tsv changed");
    assert!(failures.is_empty(), "{} problem(s):\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn rendering_every_malformed_file_gives_no_panic_and_leaves_nothing() {
    let Some(root) = util::shared_models() else { return };
    let bad = root.join("bad");
    let expected = std::fs::read_to_string(bad.join("EXPECTED.tsv")).unwrap();
    let mut failures = Vec::new();
    for path in expected.lines().skip(1).filter_map(|l| l.split('\t').next()) {
        let sandbox = util::Sandbox::new();
        let run = sandbox.run(&[
            "render",
            bad.join(path).to_str().unwrap(),
            "-s",
            "32x32",
            "--msaa",
            "1",
            "--frames",
            "1",
            "-o",
            "out.png",
        ]);
        let entries = sandbox.entries();
        let clean = match run.code() {
            0 => entries == ["out.png"],
            1 => entries.is_empty(),
            _ => false,
        };
        if !clean || run.stderr().contains("panicked") {
            failures.push(format!(
                "{path}: exit {}, left {entries:?}: {}",
                run.code(),
                run.stderr().lines().next().unwrap_or("")
            ));
        }
    }
    assert!(failures.is_empty(), "{} problem(s):\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn a_skinned_character_walks_and_stays_in_frame() {
    let Some(root) = util::shared_models() else { return };
    let sandbox = util::Sandbox::new();
    let model = root.join("glb/CesiumMan.glb");
    sandbox
        .run(&[
            "render",
            model.to_str().unwrap(),
            "--camera",
            "front",
            "-f",
            "png",
            "-s",
            "64x64",
            "--msaa",
            "1",
            "--fps",
            "4",
            "-o",
            "walk",
            "-q",
        ])
        .expect_success();
    let frames = util::read_sequence(&sandbox.path("walk"));
    assert!(frames.len() >= 4, "one play of the clip: {} frames", frames.len());
    let silhouettes: Vec<Vec<bool>> = frames.iter().map(|f| f.pixels().map(|p| p[3] > 0).collect()).collect();
    assert!(silhouettes.windows(2).any(|w| w[0] != w[1]), "the silhouette never changes: skinning is not applied");
    for (i, frame) in frames.iter().enumerate() {
        // Seen pixels (the faint tail of the bloom's halo may reach the edge).
        let touches = frame.enumerate_pixels().any(|(x, y, p)| p[3] > 8 && (x == 0 || y == 0 || x == 63 || y == 63));
        assert!(!touches, "frame {i}: the walking character leaves the frame");
    }
}

#[test]
fn a_morphing_cube_changes_shape() {
    let Some(root) = util::shared_models() else { return };
    let sandbox = util::Sandbox::new();
    let model = root.join("gltf/AnimatedMorphCube/glTF/AnimatedMorphCube.gltf");
    sandbox
        .run(&[
            "render",
            model.to_str().unwrap(),
            "--camera",
            "angle45",
            "-f",
            "png",
            "-s",
            "48x48",
            "--msaa",
            "1",
            "--fps",
            "4",
            "-o",
            "cube",
            "-q",
        ])
        .expect_success();
    let coverage: Vec<usize> =
        util::read_sequence(&sandbox.path("cube")).iter().map(|f| f.pixels().filter(|p| p[3] > 0).count()).collect();
    let (least, most) = (coverage.iter().min().unwrap(), coverage.iter().max().unwrap());
    assert!(*most as f64 > *least as f64 * 1.2, "the morph targets do not change the shape: {coverage:?}");
}
