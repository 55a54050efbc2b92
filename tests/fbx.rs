//! FBX files built here in FBX 7.4's ASCII form (the node/property layout the FBX SDK writes):
//! axes and units converted (a Y-up metre export and a Z-up centimetre export of one box stand
//! alike), takes listed and played, textures read from the model's folder only, misnamed and
//! broken files refused clearly; and Debian's assimp-testmodels FBX files when installed.

use crate::util::{self, read_png, read_sequence, Sandbox};

/// FBX time units per second.
const KTIME_SECOND: i64 = 46_186_158_000;

/// An ASCII FBX holding one box model (`Model::Box`, id 2000, geometry id 1000), `sx` wide, `sh`
/// high and `sd` deep from the origin, written in the file's axes: `z_up` (Blender's: X right,
/// Z up, −Y front) or Y-up (Maya's: X right, Y up, +Z front), with `unit` centimetres per file
/// unit. `objects` and `connections` are added to the file's sections.
fn box_fbx(z_up: bool, unit: f64, [sx, sh, sd]: [f64; 3], objects: &str, connections: &str) -> String {
    let corners: Vec<[f64; 3]> = (0..8)
        .map(|i| {
            let (x, y, z) = ((i & 1) as f64, ((i >> 1) & 1) as f64, (i >> 2) as f64);
            match z_up {
                true => [x * sx, y * sd, z * sh],
                false => [x * sx, z * sh, -y * sd],
            }
        })
        .collect();
    let vertices: Vec<String> = corners.iter().flatten().map(|c| c.to_string()).collect();
    // Quads; FBX ends each polygon with its last index negated minus one.
    let faces = [[0, 2, 3, 1], [4, 5, 7, 6], [0, 1, 5, 4], [2, 6, 7, 3], [0, 4, 6, 2], [1, 3, 7, 5]];
    let indices: Vec<String> =
        faces.iter().flat_map(|f| [f[0], f[1], f[2], -f[3] - 1]).map(|i: i32| i.to_string()).collect();
    let (up, front, front_sign) = if z_up { (2, 1, -1) } else { (1, 2, 1) };
    format!(
        r#"; FBX 7.4.0 project file
FBXHeaderExtension:  {{
	FBXHeaderVersion: 1003
	FBXVersion: 7400
}}
GlobalSettings:  {{
	Version: 1000
	Properties70:  {{
		P: "UpAxis", "int", "Integer", "",{up}
		P: "UpAxisSign", "int", "Integer", "",1
		P: "FrontAxis", "int", "Integer", "",{front}
		P: "FrontAxisSign", "int", "Integer", "",{front_sign}
		P: "CoordAxis", "int", "Integer", "",0
		P: "CoordAxisSign", "int", "Integer", "",1
		P: "UnitScaleFactor", "double", "Number", "",{unit}
	}}
}}
Objects:  {{
	Geometry: 1000, "Geometry::Box", "Mesh" {{
		Vertices: *24 {{
			a: {}
		}}
		PolygonVertexIndex: *24 {{
			a: {}
		}}
	}}
	Model: 2000, "Model::Box", "Mesh" {{
		Version: 232
	}}
{objects}}}
Connections:  {{
	C: "OO",2000,0
	C: "OO",1000,2000
{connections}}}
"#,
        vertices.join(","),
        indices.join(",")
    )
}

/// A take named `name` that slides the box `distance` file units along X over one second.
fn slide_take(name: &str, distance: f64) -> (String, String) {
    let objects = format!(
        r#"	AnimationStack: 3000, "AnimStack::{name}", "" {{
		Properties70:  {{
			P: "LocalStart", "KTime", "Time", "",0
			P: "LocalStop", "KTime", "Time", "",{KTIME_SECOND}
		}}
	}}
	AnimationLayer: 3001, "AnimLayer::Base", "" {{
	}}
	AnimationCurveNode: 3002, "AnimCurveNode::T", "" {{
		Properties70:  {{
			P: "d|X", "Number", "", "A",0
			P: "d|Y", "Number", "", "A",0
			P: "d|Z", "Number", "", "A",0
		}}
	}}
	AnimationCurve: 3003, "AnimCurve::", "" {{
		Default: 0
		KeyVer: 4009
		KeyTime: *2 {{
			a: 0,{KTIME_SECOND}
		}}
		KeyValueFloat: *2 {{
			a: 0,{distance}
		}}
		KeyAttrFlags: *1 {{
			a: 4
		}}
		KeyAttrDataFloat: *4 {{
			a: 0,0,0,0
		}}
		KeyAttrRefCount: *1 {{
			a: 2
		}}
	}}
"#
    );
    let connections = r#"	C: "OO",3001,3000
	C: "OO",3002,3001
	C: "OP",3002,2000, "Lcl Translation"
	C: "OP",3003,3002, "d|X"
"#;
    (objects, connections.to_string())
}

/// A white material whose diffuse colour is the texture file `relative` (and, as exporters write
/// it, an absolute `FileName` from the artist's machine).
fn textured(relative: &str) -> (String, String) {
    let objects = format!(
        r#"	Material: 4000, "Material::Paint", "" {{
		ShadingModel: "phong"
		Properties70:  {{
			P: "DiffuseColor", "Color", "", "A",1,1,1
		}}
	}}
	Texture: 5000, "Texture::Paint", "" {{
		Type: "TextureVideoClip"
		FileName: "C:\\Users\\artist\\maps\\paint.png"
		RelativeFilename: "{relative}"
	}}
"#
    );
    let connections = "\tC: \"OO\",4000,2000\n\tC: \"OP\",5000,4000, \"DiffuseColor\"\n";
    (objects, connections.into())
}

fn inspect(sandbox: &Sandbox, name: &str) -> serde_json::Value {
    let run = sandbox.run(&["inspect", name, "--json"]);
    run.expect_success();
    serde_json::from_str(&run.stdout()).unwrap_or_else(|e| panic!("{e}\n{run}"))
}

fn floats(value: &serde_json::Value) -> Vec<f64> {
    value.as_array().unwrap().iter().map(|v| v.as_f64().unwrap()).collect()
}

#[track_caller]
fn assert_close(got: &[f64], want: &[f64], what: &str) {
    let close = got.len() == want.len() && got.iter().zip(want).all(|(g, w)| (g - w).abs() < 1e-6);
    assert!(close, "{what}: {got:?}, want {want:?}");
}

#[test]
fn a_y_up_metre_export_and_a_z_up_centimetre_export_of_one_box_stand_alike() {
    let sandbox = Sandbox::new();
    // 1 cm wide, 3 cm high, 2 cm deep: in centimetres Z-up, and in metres Y-up.
    std::fs::write(sandbox.path("z.fbx"), box_fbx(true, 1.0, [1.0, 3.0, 2.0], "", "")).unwrap();
    std::fs::write(sandbox.path("y.fbx"), box_fbx(false, 100.0, [0.01, 0.03, 0.02], "", "")).unwrap();
    for name in ["z.fbx", "y.fbx"] {
        let report = inspect(&sandbox, name);
        assert_eq!(report["format"], "fbx");
        assert_eq!(report["triangles"], 12, "{name}: six quads");
        assert_eq!(report["up_axis"], "y", "{name}: converted by the loader, not by --up");
        assert_close(&floats(&report["size"]), &[0.01, 0.03, 0.02], name);
        assert_close(&floats(&report["bounds"]["min"]), &[0.0, 0.0, -0.02], name);
    }
}

#[test]
fn a_take_is_listed_played_and_picked_by_name() {
    let sandbox = Sandbox::new();
    let (objects, connections) = slide_take("Slide", 0.05);
    std::fs::write(sandbox.path("slide.fbx"), box_fbx(false, 100.0, [0.01, 0.01, 0.01], &objects, &connections))
        .unwrap();
    let report = inspect(&sandbox, "slide.fbx");
    assert_eq!(report["animations"][0]["name"], "Slide");
    assert!((report["animations"][0]["duration"].as_f64().unwrap() - 1.0).abs() < 1e-6, "{report}");
    // One play of the take at 8 fps is 8 frames; the box slides right across them.
    let args = ["render", "slide.fbx", "--animation", "Slide", "--fps", "8", "--camera", "front"];
    let run = sandbox.run(&[&args[..], &["--style", "shaded", "-s", "96x64", "-f", "png", "-o", "frames"]].concat());
    run.expect_success();
    let frames = read_sequence(&sandbox.path("frames"));
    assert_eq!(frames.len(), 8, "{run}");
    let centre_x = |frame: &image::RgbaImage| {
        let covered: Vec<u32> = frame.enumerate_pixels().filter(|(_, _, p)| p[3] > 128).map(|(x, _, _)| x).collect();
        covered.iter().sum::<u32>() as f64 / covered.len().max(1) as f64
    };
    let centres: Vec<f64> = frames.iter().map(centre_x).collect();
    assert!(centres.windows(2).all(|w| w[1] > w[0]), "the box moves right every frame: {centres:?}");
    // 5 cm of slide is five box widths: the box crosses much of the frame.
    assert!(centres[7] - centres[0] > 30.0, "{centres:?}");
    let missing = sandbox.run(&["render", "slide.fbx", "--animation", "Walk", "-o", "x.mp4"]);
    missing.expect_code(1);
    assert!(missing.stderr().contains("no animation 'Walk' in the file\nhint: animations: Slide"), "{missing}");
}

/// A 2×2 PNG of one colour.
fn png(colour: [u8; 3]) -> Vec<u8> {
    let image = image::RgbaImage::from_pixel(2, 2, image::Rgba([colour[0], colour[1], colour[2], 255]));
    let mut bytes = Vec::new();
    image.write_to(&mut std::io::Cursor::new(&mut bytes), image::ImageFormat::Png).unwrap();
    bytes
}

/// The centre pixel of a front still of `name`, shaded.
fn centre_pixel(sandbox: &Sandbox, name: &str, out: &str) -> (image::Rgba<u8>, String) {
    let run = sandbox.run(&["render", name, "--camera", "front", "--style", "shaded", "-s", "48x48", "-o", out]);
    run.expect_success();
    let frame = read_png(&sandbox.path(out));
    (*frame.get_pixel(24, 24), run.stderr())
}

#[test]
fn a_texture_is_read_beside_the_model_and_never_outside_its_folder() {
    let sandbox = Sandbox::new();
    std::fs::create_dir(sandbox.path("model")).unwrap();
    std::fs::write(sandbox.path("model/paint.png"), png([220, 30, 30])).unwrap();
    let (objects, connections) = textured("paint.png");
    let size = [1.0, 1.0, 1.0];
    std::fs::write(sandbox.path("model/box.fbx"), box_fbx(false, 100.0, size, &objects, &connections)).unwrap();
    let (pixel, _) = centre_pixel(&sandbox, "model/box.fbx", "red.png");
    assert!(pixel[0] > 2 * pixel[1].max(pixel[2]), "the red texture colours the box: {pixel:?}");

    // A relative name that climbs out of the folder is not followed, even to a file that exists;
    // the bare file name is looked for beside the model instead, and there is none.
    std::fs::write(sandbox.path("paint.png"), png([30, 30, 220])).unwrap();
    std::fs::remove_file(sandbox.path("model/paint.png")).unwrap();
    let (objects, connections) = textured("../paint.png");
    std::fs::write(sandbox.path("model/box.fbx"), box_fbx(false, 100.0, size, &objects, &connections)).unwrap();
    let (pixel, stderr) = centre_pixel(&sandbox, "model/box.fbx", "white.png");
    assert!(pixel[2] <= pixel[0] + 10, "the blue file outside the folder is not read: {pixel:?}");
    assert!(
        stderr.contains("texture 'paint.png': '../paint.png' points outside the model's folder; looked beside")
            && stderr.contains("rendering untextured"),
        "{stderr}"
    );
}

#[test]
fn misnamed_truncated_and_broken_fbx_files_get_clear_errors() {
    let sandbox = Sandbox::new();
    let fbx = box_fbx(false, 1.0, [1.0, 1.0, 1.0], "", "");
    std::fs::write(sandbox.path("box.obj"), &fbx).unwrap();
    let run = sandbox.run(&["inspect", "box.obj"]);
    run.expect_code(1);
    assert!(run.stderr().contains("box.obj: the content is an ASCII FBX file, not a valid .obj model"), "{run}");

    std::fs::copy(util::fixture("kenney_alien.glb"), sandbox.path("alien.fbx")).unwrap();
    let run = sandbox.run(&["inspect", "alien.fbx"]);
    run.expect_code(1);
    assert!(
        run.stderr().contains("alien.fbx: the content is a binary glTF (GLB) file, not a valid .fbx model"),
        "{run}"
    );

    // Standard input is recognised by its content.
    let stdin = std::fs::File::open(sandbox.path("box.obj")).unwrap();
    let args = ["render", "-", "-f", "png", "--frames", "1", "-s", "32x32", "-q", "-o", "piped.png"];
    let output = sandbox.command(&args).stdin(stdin).output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(read_png(&sandbox.path("piped.png")).pixels().any(|p| p[3] > 0), "nothing drawn from stdin");

    // Cut in the middle of the vertex array, and with a polygon naming a vertex that is not there.
    let cut = &fbx[..fbx.find("PolygonVertexIndex").unwrap()];
    let broken = fbx.replace("a: 0,2,3,-2", "a: 0,2,99,-2");
    for (name, text, message) in [
        ("cut.fbx", cut.as_bytes().to_vec(), "cut.fbx: invalid FBX: "),
        ("broken.fbx", broken.into_bytes(), "broken.fbx: invalid FBX: its data contradicts itself"),
        ("header.fbx", b"Kaydara FBX Binary  \0".to_vec(), "header.fbx: invalid FBX: the file ends early (truncated)"),
    ] {
        std::fs::write(sandbox.path(name), text).unwrap();
        let run = sandbox.run(&["inspect", name]);
        run.expect_code(1);
        assert!(run.stderr().starts_with(&format!("error: {}", message)), "{run}");
        assert!(!run.stderr().contains("panick"), "{run}");
    }
}

#[test]
fn the_assimp_fbx_test_models_load_when_installed() {
    let Some(root) = util::assimp_models() else { return };
    let sandbox = Sandbox::new();
    // Spider as FBX has the triangles of Spider as STL (the corpus's count); the boxes are boxes.
    for (model, triangles) in [
        ("FBX/spider.fbx", 1_368),
        ("FBX/box.fbx", 12),
        ("FBX/boxWithCompressedCTypeArray.FBX", 12),
        ("FBX/embedded_ascii/box.FBX", 12),
    ] {
        let report = inspect(&sandbox, root.join(model).to_str().unwrap());
        assert_eq!(report["triangles"], triangles, "{model}");
    }
    // The ASCII box embeds its 512×512 texture.
    let report = inspect(&sandbox, root.join("FBX/embedded_ascii/box.FBX").to_str().unwrap());
    assert_eq!(report["textures"][0]["width"], 512, "{report}");

    // The skinned rod bends as its take plays.
    let model = root.join("FBX/animation_with_skeleton.fbx");
    let args = ["render", model.to_str().unwrap(), "--camera", "front", "--fps", "12", "--style", "shaded"];
    let run = sandbox.run(&[&args[..], &["-s", "96x64", "-f", "png", "-o", "bend"]].concat());
    run.expect_success();
    let frames = read_sequence(&sandbox.path("bend"));
    let changed =
        |a: &image::RgbaImage, b: &image::RgbaImage| a.pixels().zip(b.pixels()).filter(|(p, q)| p != q).count();
    assert!(changed(&frames[0], &frames[frames.len() / 2]) > 20, "the skinned mesh moves");
}

#[test]
fn a_still_file_shows_its_blend_shape_at_the_channel_weight() {
    let sandbox = Sandbox::new();
    // A shape that raises the box's top four corners by 1 m, its channel at 50 %.
    let objects = r#"	Geometry: 6000, "Geometry::Raise", "Shape" {
		Version: 100
		Indexes: *4 {
			a: 4,5,6,7
		}
		Vertices: *12 {
			a: 0,1,0,0,1,0,0,1,0,0,1,0
		}
	}
	Deformer: 7000, "Deformer::Morph", "BlendShape" {
		Version: 100
	}
	Deformer: 7001, "SubDeformer::Raise", "BlendShapeChannel" {
		Version: 100
		DeformPercent: 50
		FullWeights: *1 {
			a: 100
		}
		Properties70:  {
			P: "DeformPercent", "Number", "", "A",50
		}
	}
"#;
    let connections = "\tC: \"OO\",7000,1000\n\tC: \"OO\",7001,7000\n\tC: \"OO\",6000,7001\n";
    std::fs::write(sandbox.path("raised.fbx"), box_fbx(false, 100.0, [1.0, 1.0, 1.0], objects, connections)).unwrap();
    let report = inspect(&sandbox, "raised.fbx");
    assert_close(&floats(&report["size"]), &[1.0, 1.5, 1.0], "half the shape's 1 m raise");
    // Without the shape the box is 1 m high: the check is not a coincidence.
    std::fs::write(sandbox.path("plain.fbx"), box_fbx(false, 100.0, [1.0, 1.0, 1.0], "", "")).unwrap();
    assert_close(&floats(&inspect(&sandbox, "plain.fbx")["size"]), &[1.0, 1.0, 1.0], "the plain box");
}
