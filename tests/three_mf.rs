//! 3MF packages built here from the 3MF core and materials specifications: build items and
//! components placed by their row-vector transforms, units scaled to metres, base-material
//! colours, Z-up, and clear errors for broken packages, within the memory budget.

use std::io::Write;

use crate::util::{read_png, Sandbox};

/// A cube of side 10 (model units), twelve triangles wound outwards.
const CUBE_MESH: &str = r#"<mesh><vertices>
<vertex x="0" y="0" z="0"/><vertex x="10" y="0" z="0"/><vertex x="10" y="10" z="0"/><vertex x="0" y="10" z="0"/>
<vertex x="0" y="0" z="10"/><vertex x="10" y="0" z="10"/><vertex x="10" y="10" z="10"/><vertex x="0" y="10" z="10"/>
</vertices><triangles>
<triangle v1="0" v2="2" v3="1"/><triangle v1="0" v2="3" v3="2"/><triangle v1="4" v2="5" v3="6"/><triangle v1="4" v2="6" v3="7"/>
<triangle v1="0" v2="1" v3="5"/><triangle v1="0" v2="5" v3="4"/><triangle v1="1" v2="2" v3="6"/><triangle v1="1" v2="6" v3="5"/>
<triangle v1="2" v2="3" v3="7"/><triangle v1="2" v2="7" v3="6"/><triangle v1="3" v2="0" v3="4"/><triangle v1="3" v2="4" v3="7"/>
</triangles></mesh>"#;

/// A model part: a red cube (object 2), and object 3 made of that cube moved 20 units along X;
/// the build places both.
fn model(unit: &str, build: &str) -> String {
    format!(
        r##"<?xml version="1.0" encoding="UTF-8"?>
<model unit="{unit}" xml:lang="en-US" xmlns="http://schemas.microsoft.com/3dmanufacturing/core/2015/02" xmlns:m="http://schemas.microsoft.com/3dmanufacturing/material/2015/02">
<resources>
<m:basematerials id="1"><m:base name="Red" displaycolor="#FF0000"/><m:base name="Blue" displaycolor="#0000FF"/></m:basematerials>
<object id="2" type="model" pid="1" pindex="0">{CUBE_MESH}</object>
<object id="3" type="model"><components><component objectid="2" transform="1 0 0 0 1 0 0 0 1 20 0 0"/></components></object>
</resources>
<build>{build}</build>
</model>"##
    )
}

const BOTH: &str = r#"<item objectid="2"/><item objectid="3"/>"#;

/// A 3MF package holding `model` as `3D/3dmodel.model` (and the parts a package has beside it).
fn package(model: &str) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    let parts = [
        (
            "[Content_Types].xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="model" ContentType="application/vnd.ms-package.3dmanufacturing-3dmodel+xml"/></Types>"#,
        ),
        (
            "_rels/.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Target="/3D/3dmodel.model" Id="rel0" Type="http://schemas.microsoft.com/3dmanufacturing/2013/01/3dmodel"/></Relationships>"#,
        ),
        ("3D/3dmodel.model", model),
    ];
    for (name, text) in parts {
        zip.start_file(name, options).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

fn inspect(sandbox: &Sandbox, name: &str) -> serde_json::Value {
    let run = sandbox.run(&["inspect", name, "--json"]);
    run.expect_success();
    serde_json::from_str(&run.stdout()).unwrap_or_else(|e| panic!("{e}\n{run}"))
}

#[test]
fn build_items_and_components_are_placed_in_metres_z_up_with_their_colours() {
    let sandbox = Sandbox::new();
    std::fs::write(sandbox.path("parts.3mf"), package(&model("millimeter", BOTH))).unwrap();
    let report = inspect(&sandbox, "parts.3mf");
    assert_eq!(report["format"], "3mf");
    assert_eq!(report["meshes"], 2, "the cube and its moved copy");
    assert_eq!(report["triangles"], 24);
    assert_eq!(report["up_axis"], "z");
    // 30 mm along X (the copy sits at 20..30), 10 mm deep and high; Z-up shown Y-up.
    let size: Vec<f64> = report["size"].as_array().unwrap().iter().map(|v| v.as_f64().unwrap()).collect();
    for (axis, (got, want)) in size.iter().zip([0.03, 0.01, 0.01]).enumerate() {
        assert!((got - want).abs() < 1e-6, "size[{axis}] = {got}, want {want}");
    }
    let red = &report["materials"][1];
    assert_eq!(red["name"], "Red");
    assert_eq!(red["base_color"], serde_json::json!([1.0, 0.0, 0.0, 1.0]));
    // The same part in inches is 25.4 times larger.
    std::fs::write(sandbox.path("inches.3mf"), package(&model("inch", BOTH))).unwrap();
    let inches = inspect(&sandbox, "inches.3mf")["size"][0].as_f64().unwrap();
    assert!((inches / size[0] - 25.4).abs() < 1e-3, "inch / millimetre = {}", inches / size[0]);
    // A build item's own transform moves it (row vectors: the translation comes last).
    let moved = model("millimeter", r#"<item objectid="2" transform="1 0 0 0 1 0 0 0 1 0 0 5"/>"#);
    std::fs::write(sandbox.path("moved.3mf"), package(&moved)).unwrap();
    let bounds = &inspect(&sandbox, "moved.3mf")["bounds"];
    // Z-up: +5 mm along the file's Z is +5 mm up, the scene's Y.
    assert!((bounds["min"][1].as_f64().unwrap() - 0.005).abs() < 1e-6, "{bounds}");
}

#[test]
fn the_red_cube_renders_red() {
    let sandbox = Sandbox::new();
    std::fs::write(sandbox.path("cube.3mf"), package(&model("millimeter", r#"<item objectid="2"/>"#))).unwrap();
    let args = ["render", "cube.3mf", "-f", "png", "--frames", "1", "-s", "64x64", "--style", "shaded", "-q"];
    sandbox.run(&[&args[..], &["--camera", "isometric", "-o", "cube.png"]].concat()).expect_success();
    let frame = read_png(&sandbox.path("cube.png"));
    let centre = frame.get_pixel(32, 32);
    let [r, g, b, a] = centre.0.map(u32::from);
    assert!(a == 255 && r > 4 * g.max(4) && r > 4 * b.max(4), "{centre:?}");
}

#[test]
fn broken_packages_get_clear_errors_and_the_budget_holds() {
    let sandbox = Sandbox::new();
    let bad_index = model("millimeter", r#"<item objectid="2"/>"#).replace(r#"v3="1"/>"#, r#"v3="99"/>"#);
    let cases: [(&str, Vec<u8>, &str); 4] = [
        (
            "missing.3mf",
            package(&model("millimeter", r#"<item objectid="7"/>"#)),
            "error: missing.3mf: invalid 3MF: '3D/3dmodel.model': the build names object 7, which the part does not define",
        ),
        (
            "index.3mf",
            package(&bad_index),
            "error: index.3mf: invalid 3MF: '3D/3dmodel.model': triangle 0 of object 2 names vertex 99, but the mesh has 8 vertices",
        ),
        ("empty.3mf", package(""), "error: empty.3mf: invalid 3MF: '3D/3dmodel.model': "),
        (
            "ply.3mf",
            b"ply\nformat ascii 1.0\nend_header\n".to_vec(),
            "error: ply.3mf: the content is a PLY file, not a valid .3mf model",
        ),
    ];
    for (name, bytes, expected) in cases {
        std::fs::write(sandbox.path(name), bytes).unwrap();
        let run = sandbox.run(&["inspect", name]);
        run.expect_code(1);
        assert!(run.stderr().starts_with(expected), "{name}:\n{run}");
    }
    // A part larger than the model's memory budget is refused before it is inflated.
    let padded =
        model("millimeter", BOTH).replace("<resources>", &format!("<resources><!--{}-->", " ".repeat(2_000_000)));
    std::fs::write(sandbox.path("large.3mf"), package(&padded)).unwrap();
    let run = sandbox.run_with_env(&["inspect", "large.3mf"], &[("HOLOFORGE_MODEL_MEMORY", "1M")]);
    run.expect_code(1);
    assert!(run.stderr().contains("the 3MF part '3D/3dmodel.model' declares"), "{run}");
    assert!(run.stderr().contains("more than the 1.0 MiB memory budget of a model"), "{run}");
}

#[test]
fn components_that_multiply_are_refused_before_the_work_explodes() {
    // Object k holds two copies of object k + 1, twenty levels down: 2^20 placements of one cube.
    let mut objects = format!(r#"<object id="100" type="model">{CUBE_MESH}</object>"#);
    for k in 0..20 {
        let next = if k == 19 { 100 } else { k + 1 };
        objects.push_str(&format!(
            r#"<object id="{k}" type="model"><components><component objectid="{next}"/><component objectid="{next}"/></components></object>"#
        ));
    }
    let model = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><model unit="millimeter" xmlns="http://schemas.microsoft.com/3dmanufacturing/core/2015/02"><resources>{objects}</resources><build><item objectid="0"/></build></model>"#
    );
    let sandbox = Sandbox::new();
    std::fs::write(sandbox.path("bomb.3mf"), package(&model)).unwrap();
    let run = sandbox.run(&["inspect", "bomb.3mf"]);
    run.expect_code(1);
    assert!(
        run.stderr()
            .starts_with("error: bomb.3mf: invalid 3MF: '3D/3dmodel.model': the build places more than 100000 objects"),
        "{run}"
    );
}

#[test]
fn a_triangle_takes_the_colour_its_pid_and_p1_name() {
    let sandbox = Sandbox::new();
    // The cube's top face (its third and fourth triangles, at z = 10) names the second colour of a
    // colour group; the rest keeps the object's red base material.
    let top = r#"<triangle v1="4" v2="5" v3="6" pid="5" p1="1"/><triangle v1="4" v2="6" v3="7" pid="5" p1="1"/>"#;
    let painted = model("millimeter", r#"<item objectid="2"/>"#)
        .replace(r#"<triangle v1="4" v2="5" v3="6"/><triangle v1="4" v2="6" v3="7"/>"#, top)
        .replace(
            "</m:basematerials>",
            r##"</m:basematerials><m:colorgroup id="5"><m:color color="#00FF00"/><m:color color="#0000FF"/></m:colorgroup>"##,
        );
    assert!(painted.contains(r#"pid="5" p1="1""#), "the test model was painted");
    std::fs::write(sandbox.path("painted.3mf"), package(&painted)).unwrap();
    let report = inspect(&sandbox, "painted.3mf");
    assert_eq!(report["triangles"], 12);
    assert_eq!(report["meshes"], 2, "red sides and a blue top: {report}");
    let names: Vec<&str> =
        report["materials"].as_array().unwrap().iter().map(|m| m["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["default", "Red", "colour 5/1"]);
    assert_eq!(report["materials"][2]["base_color"], serde_json::json!([0.0, 0.0, 1.0, 1.0]));
    // Seen from above, the top is blue.
    let args = ["render", "painted.3mf", "-f", "png", "--frames", "1", "-s", "64x64", "--style", "shaded", "-q"];
    sandbox.run(&[&args[..], &["--camera", "top", "-o", "top.png"]].concat()).expect_success();
    let [r, g, b, _] = read_png(&sandbox.path("top.png")).get_pixel(32, 32).0.map(u32::from);
    assert!(b > 4 * r.max(4) && b > 4 * g.max(4), "{:?}", [r, g, b]);
}
