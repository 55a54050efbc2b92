//! The in-memory scene every loader produces, and the registry that picks a loader for a file.
//!
//! Loaders return geometry in the program's convention (right-handed, +Y up, node transforms
//! baked into world space). [`load`] then applies the up-axis fix, drops unusable triangles with a
//! warning, fills in missing normals and computes the bounds.

pub mod anim;
pub mod budget;
pub mod edges;
mod fbx;
pub mod files;
mod geometry;
mod gltf;
mod guard;
mod mesh;
mod obj;
pub mod paths;
mod ply;
pub mod probe;
pub mod sniff;
mod stl;
pub(crate) mod textures;
mod three_mf;

pub mod demo;

use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use serde::Serialize;

use crate::error::{io_reason, Problem};
use anim::Rig;
use budget::Budget;
pub use files::special_kind;
use files::{FolderFiles, ModelFiles};
pub use geometry::Bounds;
pub use mesh::{Mesh, Vertex};

/// The part of a material the renderer uses.
#[derive(Debug, Clone, Serialize)]
pub struct Material {
    /// Name from the file.
    pub name: String,
    /// Linear RGBA base colour factor.
    pub base_color: [f32; 4],
    /// The base colour texture (times the factor).
    pub base_color_texture: Option<TextureSlot>,
    /// Linear light the surface emits (glTF `emissiveFactor` × `KHR_materials_emissive_strength`).
    pub emissive: [f32; 3],
    /// The emissive texture (times `emissive`).
    pub emissive_texture: Option<TextureSlot>,
    /// The tangent-space normal map, and its `scale` (glTF `normalTexture`).
    pub normal_texture: Option<(TextureSlot, f32)>,
    /// How the base colour's alpha is used.
    pub alpha_mode: AlphaMode,
    /// Both faces are surfaces; when false the shaded style culls back faces (glTF `doubleSided`).
    pub double_sided: bool,
    /// Shown as its base colour, without lighting (glTF `KHR_materials_unlit`).
    pub unlit: bool,
}

impl Material {
    /// The material used when a file has none: white, untextured. Formats without glTF's
    /// material model blend by their alpha (drawn opaque when it is 1 everywhere) and show both
    /// faces.
    pub fn default_white() -> Self {
        Self {
            name: "default".into(),
            base_color: [1.0; 4],
            base_color_texture: None,
            emissive: [0.0; 3],
            emissive_texture: None,
            normal_texture: None,
            alpha_mode: AlphaMode::Blend,
            double_sided: true,
            unlit: false,
        }
    }
}

/// A texture a material reads: which one, and how it is sampled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct TextureSlot {
    /// Index into [`Scene::textures`].
    pub index: usize,
    /// Wrap modes and filters.
    pub sampler: Sampler,
}

impl TextureSlot {
    /// Texture `index`, repeated and filtered smoothly (trilinear): how formats without samplers
    /// are read.
    pub fn smooth(index: usize) -> Self {
        Self { index, sampler: Sampler::default() }
    }
}

/// How a material's alpha (factor × texture × vertex colour) is used (glTF `alphaMode`).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub enum AlphaMode {
    /// Ignored: the surface is opaque.
    Opaque,
    /// Cut: invisible below the cutoff, opaque from it up.
    Mask {
        /// glTF `alphaCutoff` (default 0.5).
        cutoff: f32,
    },
    /// Blended over what lies behind.
    Blend,
}

/// How a texture is sampled: a glTF sampler; other formats repeat, filter smoothly and
/// minify through mipmaps (trilinear).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Sampler {
    /// Across the texture (u).
    pub wrap_u: Wrap,
    /// Down the texture (v).
    pub wrap_v: Wrap,
    /// Texels seen larger than a pixel.
    pub magnify: Filter,
    /// Texels seen smaller than a pixel, within one mip level.
    pub minify: Filter,
    /// Between mip levels (`Linear`: trilinear), or None: the full-size level only.
    pub mipmaps: Option<Filter>,
}

impl Default for Sampler {
    fn default() -> Self {
        Self {
            wrap_u: Wrap::Repeat,
            wrap_v: Wrap::Repeat,
            magnify: Filter::Linear,
            minify: Filter::Linear,
            mipmaps: Some(Filter::Linear),
        }
    }
}

/// What a texture coordinate outside 0..1 reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Wrap {
    /// The texture tiles.
    Repeat,
    /// The edge texel.
    ClampToEdge,
    /// The texture tiles, every other copy mirrored.
    MirroredRepeat,
}

/// Texture filtering.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Filter {
    /// The nearest texel (or level).
    Nearest,
    /// A blend of the nearest ones.
    Linear,
}

/// A decoded texture: sRGB-encoded RGBA8, rows top to bottom.
#[derive(Debug, Clone)]
pub struct Texture {
    /// Where it came from (file name or `embedded #N`).
    pub name: String,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// `width * height * 4` bytes.
    pub rgba: Vec<u8>,
}

/// Which model axis points up in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum UpAxis {
    /// +Y up (glTF, most OBJ and PLY).
    Y,
    /// +Z up (STL and CAD files); turned −90° about X on load.
    Z,
}

/// The up-axis choice of a job: automatic (by format) or forced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum UpChoice {
    /// The format's usual axis, as --up's help lists it.
    #[default]
    Auto,
    /// Treat the file as Y-up.
    Y,
    /// Treat the file as Z-up.
    Z,
}

/// A glTF animation clip as `inspect` reports it (playback comes with the animation module).
#[derive(Debug, Clone, Serialize)]
pub struct AnimationInfo {
    /// Clip name (or `animation #N`).
    pub name: String,
    /// Length in seconds (the latest keyframe time).
    pub duration: f32,
    /// Number of channels.
    pub channels: usize,
}

/// A camera defined in the model file, placed in world space (+Y up).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FileCamera {
    /// The camera's (or its node's) name, or `cameraN`.
    pub name: String,
    /// Position.
    pub eye: [f32; 3],
    /// Unit view direction.
    pub forward: [f32; 3],
    /// Unit screen-up direction.
    pub up: [f32; 3],
    /// Its projection.
    pub projection: FileProjection,
}

/// The projection of a [`FileCamera`].
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum FileProjection {
    /// Perspective with a vertical field of view in degrees.
    Perspective {
        /// Vertical field of view in degrees.
        yfov_deg: f32,
    },
    /// Orthographic with a half-height in world units.
    Orthographic {
        /// Half of the visible height.
        ymag: f32,
    },
}

/// Everything loaded from one model file.
#[derive(Debug, Clone)]
pub struct Scene {
    /// The file it came from.
    pub source: PathBuf,
    /// The loader that read it (`gltf`, `obj`, `stl`, `builtin`).
    pub format: &'static str,
    /// Triangle lists, in world space, +Y up.
    pub meshes: Vec<Mesh>,
    /// Materials referenced by meshes.
    pub materials: Vec<Material>,
    /// Textures referenced by materials.
    pub textures: Vec<Texture>,
    /// Animation clips in the file.
    pub animations: Vec<AnimationInfo>,
    /// Cameras in the file.
    pub cameras: Vec<FileCamera>,
    /// How to pose the meshes of an animated file.
    pub rig: Option<Rig>,
    /// The up axis the file was read with.
    pub up_axis: UpAxis,
    /// Axis-aligned bounds of all triangles.
    pub bounds: Bounds,
    /// Things the loader worked around (missing `.mtl`, broken texture, dropped triangles).
    pub warnings: Vec<String>,
    /// Every file the load read (the model first), with symbolic links resolved.
    pub files: Vec<PathBuf>,
}

impl Scene {
    /// Number of triangles over all meshes.
    pub fn triangle_count(&self) -> usize {
        self.meshes.iter().map(|m| m.indices.len() / 3).sum()
    }

    /// Number of vertices over all meshes.
    pub fn vertex_count(&self) -> usize {
        self.meshes.iter().map(|m| m.vertices.len()).sum()
    }
}

/// What a loader returns before normalisation: geometry still in the file's up axis.
#[derive(Debug, Default)]
pub struct RawScene {
    /// Triangle lists (world space, file axes).
    pub meshes: Vec<Mesh>,
    /// Materials.
    pub materials: Vec<Material>,
    /// Textures.
    pub textures: Vec<Texture>,
    /// Animation clips.
    pub animations: Vec<AnimationInfo>,
    /// Cameras.
    pub cameras: Vec<FileCamera>,
    /// The node tree and clips of an animated file.
    pub rig: Option<Rig>,
    /// Warnings so far.
    pub warnings: Vec<String>,
}

/// What a loader works with besides the model's bytes.
pub struct LoadContext<'a> {
    /// The model's path as given (for messages and its extension).
    pub path: &'a Path,
    /// The files beside the model that it may read.
    pub files: &'a mut dyn ModelFiles,
    /// What is left of the model's memory budget.
    pub budget: Budget,
}

/// A model format: its names, extensions, content check, probe and load function.
pub struct Loader {
    /// Short name in messages and the fuzz targets (`gltf`, `obj`, `stl`).
    pub name: &'static str,
    /// The format's name for people, in help texts (`glTF`, `OBJ`, `STL`).
    pub title: &'static str,
    /// Lower-case file extensions it claims.
    pub extensions: &'static [&'static str],
    /// Up axis when the job says `auto`.
    pub default_up: UpAxis,
    /// Whether a file's first bytes are this format (the content check, and standard input's
    /// format); the first loader that recognises a signature wins, then the first that may read it.
    pub recognise: sniff::Recogniser,
    /// The files a model names, found without loading it (see [`probe`]); `None` when the format
    /// names none.
    pub probe: Option<fn(path: &Path, folder: &Path) -> Option<probe::Probe>>,
    /// Reads the file into a [`RawScene`]; `bytes` is the whole file.
    pub load: fn(context: &mut LoadContext, bytes: &[u8]) -> Result<RawScene>,
}

/// The registry: adding a format is one module and one line here; the help texts, the content
/// checks, standard input, the probes and the error for an unknown extension all read it.
pub const LOADERS: &[Loader] = &[
    Loader {
        name: "gltf",
        title: "glTF",
        extensions: &["gltf", "glb"],
        default_up: UpAxis::Y,
        recognise: self::gltf::recognise,
        probe: Some(probe::probe_gltf),
        load: self::gltf::load,
    },
    Loader {
        name: "fbx",
        title: "FBX",
        extensions: &["fbx"],
        default_up: UpAxis::Y,
        recognise: self::fbx::recognise,
        probe: Some(self::fbx::probe),
        load: self::fbx::load,
    },
    Loader {
        name: "obj",
        title: "OBJ",
        extensions: &["obj"],
        default_up: UpAxis::Y,
        recognise: self::obj::recognise,
        probe: Some(probe::probe_obj),
        load: self::obj::load,
    },
    Loader {
        name: "ply",
        title: "PLY",
        extensions: &["ply"],
        default_up: UpAxis::Y,
        recognise: self::ply::recognise,
        probe: Some(probe::probe_ply),
        load: self::ply::load,
    },
    Loader {
        name: "stl",
        title: "STL",
        extensions: &["stl"],
        default_up: UpAxis::Z,
        recognise: self::stl::recognise,
        probe: None,
        load: self::stl::load,
    },
    Loader {
        name: "3mf",
        title: "3MF",
        extensions: &["3mf"],
        default_up: UpAxis::Z,
        recognise: self::three_mf::recognise,
        probe: None,
        load: self::three_mf::load,
    },
];

/// The formats' names, in registry order: `glTF, OBJ, PLY or STL` (`last` joins the final pair: `or`).
pub fn format_titles(last: &str) -> String {
    let titles: Vec<&str> = LOADERS.iter().map(|l| l.title).collect();
    crate::text::series(&titles, last)
}

/// What `--up auto` picks for each format: `glTF/OBJ Y-up, STL Z-up`.
pub fn default_up_axes() -> String {
    [UpAxis::Y, UpAxis::Z]
        .iter()
        .filter_map(|&axis| {
            let titles: Vec<&str> = LOADERS.iter().filter(|l| l.default_up == axis).map(|l| l.title).collect();
            let name = match axis {
                UpAxis::Y => "Y",
                UpAxis::Z => "Z",
            };
            (!titles.is_empty()).then(|| format!("{} {name}-up", titles.join("/")))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Largest model file read into memory (2 GiB): beyond it the machine would struggle anyway.
const MAX_MODEL_BYTES: u64 = 2 << 30;

/// The extensions of every registered loader, for messages (`.gltf, .glb, .obj, .ply, .stl`).
pub fn supported_extensions() -> String {
    LOADERS.iter().flat_map(|l| l.extensions.iter().map(|e| format!(".{e}"))).collect::<Vec<_>>().join(", ")
}

/// Finds the loader for a path by extension.
pub fn loader_for(path: &Path) -> Result<&'static Loader> {
    let ext = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    let Some(ext) = ext else {
        return Err(Problem::input(format!("{}: the file has no extension, so its format is unknown", path.display()))
            .with_hint(format!("rename it with one of: {}", supported_extensions()))
            .into());
    };
    LOADERS.iter().find(|l| l.extensions.contains(&ext.as_str())).ok_or_else(|| {
        Problem::input(format!("{}: .{ext} is not a supported model format", path.display()))
            .with_hint(format!("supported formats: {}", supported_extensions()))
            .into()
    })
}

/// Bytes at the start of a model file that tell its format.
const HEAD_BYTES: usize = 4096;

/// Loads a model file: picks the loader, checks from the first bytes that the content matches,
/// reads the rest within the memory budget and normalises the result.
pub fn load(path: &Path, up: UpChoice) -> Result<Scene> {
    let loader = loader_for(path)?;
    let (file, meta) = open_model(path)?;
    let mut file = std::io::BufReader::new(file);
    let mut bytes = Vec::new();
    (&mut file).take(HEAD_BYTES as u64).read_to_end(&mut bytes).map_err(|e| unreadable(path, &e))?;
    sniff::check_content(path, loader, &bytes, meta.len())?;
    bytes.reserve_exact((meta.len() as usize).saturating_sub(bytes.len()));
    file.take(MAX_MODEL_BYTES).read_to_end(&mut bytes).map_err(|e| unreadable(path, &e))?;
    let mut files = FolderFiles::of_model(path)?;
    let mut scene = load_bytes(path, &bytes, &mut files, up)?;
    scene.files =
        std::iter::once(path.canonicalize().unwrap_or_else(|_| path.to_path_buf())).chain(files.read).collect();
    Ok(scene)
}

/// Loads a model from its bytes (`path` names it and picks the loader by extension); the files
/// it refers to come from `files`. Used by [`load`] and by the fuzz targets.
pub fn load_bytes(path: &Path, bytes: &[u8], files: &mut dyn ModelFiles, up: UpChoice) -> Result<Scene> {
    let loader = loader_for(path)?;
    sniff::check_content(path, loader, bytes, bytes.len() as u64)?;
    let mut budget = Budget::default();
    budget.reserve(|| format!("{}", path.display()), bytes.len() as u64, 1)?;
    let mut context = LoadContext { path, files, budget };
    let raw = guard::catch_parser_panics(loader.name, || (loader.load)(&mut context, bytes))
        .with_context(|| format!("{}", path.display()))?;
    let up_axis = match up {
        UpChoice::Auto => loader.default_up,
        UpChoice::Y => UpAxis::Y,
        UpChoice::Z => UpAxis::Z,
    };
    normalise(path, loader.name, raw, up_axis)
}

/// Loads a model read from standard input: its content tells its format, and it may not refer to
/// other files (there is no folder to read them from).
pub fn load_stdin(bytes: &[u8], up: UpChoice) -> Result<Scene> {
    let (_, extension) = sniff::loader_for_content(bytes).ok_or_else(|| {
        Problem::input(format!("standard input: its content is not a {} model", format_titles("or")))
            .with_hint("pipe the model file itself, e.g. `holoforge render - < model.glb`")
    })?;
    load_bytes(Path::new(&format!("stdin.{extension}")), bytes, &mut files::NoFiles, up)
}

fn unreadable(path: &Path, error: &std::io::Error) -> anyhow::Error {
    Problem::input(format!("{}: cannot read the model: {}", path.display(), io_reason(error))).into()
}

/// Opens the model file: it must be a regular, non-empty file of at most 2 GiB.
fn open_model(path: &Path) -> Result<(std::fs::File, std::fs::Metadata)> {
    match std::fs::metadata(path) {
        Err(e) => return Err(unreadable(path, &e)),
        Ok(meta) if !meta.is_file() => {
            return Err(Problem::input(format!("{}: is {}, not a model file", path.display(), special_kind(&meta)))
                .with_hint(format!("pass a model file ({})", supported_extensions()))
                .into())
        }
        Ok(_) => {}
    }
    let (file, meta) = files::open_regular(path)?;
    if meta.len() > MAX_MODEL_BYTES {
        return Err(Problem::input(format!(
            "{}: the file is {} bytes; models over 2 GiB are not supported",
            path.display(),
            meta.len()
        ))
        .into());
    }
    if meta.len() == 0 {
        return Err(Problem::input(format!("{}: the file is empty (0 bytes)", path.display())).into());
    }
    Ok((file, meta))
}

/// Applies the up-axis fix, drops non-finite triangles, fills normals, computes bounds.
pub fn normalise(path: &Path, format: &'static str, raw: RawScene, up_axis: UpAxis) -> Result<Scene> {
    let RawScene { mut meshes, materials, textures, animations, mut cameras, mut rig, mut warnings } = raw;
    let dropped = geometry::drop_non_finite_triangles(&mut meshes);
    if dropped > 0 {
        warnings.push(format!("dropped {dropped} triangle(s) with non-finite (NaN/Inf) coordinates"));
    }
    // Drop emptied meshes, keeping the rig's mesh indices in step.
    let kept: Vec<bool> = meshes.iter().map(|m| !m.indices.is_empty()).collect();
    let new_index: Vec<usize> = kept
        .iter()
        .scan(0, |next, &k| {
            let i = *next;
            *next += k as usize;
            Some(i)
        })
        .collect();
    meshes.retain(|m| !m.indices.is_empty());
    if let Some(rig) = &mut rig {
        rig.instances.retain(|i| kept[i.mesh]);
        for instance in &mut rig.instances {
            instance.mesh = new_index[instance.mesh];
        }
        if up_axis == UpAxis::Z {
            rig.root = glam::Mat4::from_rotation_x(-std::f32::consts::FRAC_PI_2);
        }
    }
    if meshes.is_empty() {
        return Err(Problem::input(format!("{}: the model has no triangles to render", path.display()))
            .with_hint("holoforge renders triangle meshes; points and lines alone are not drawn")
            .into());
    }
    for mesh in &mut meshes {
        geometry::repair_normals(mesh);
        if up_axis == UpAxis::Z {
            geometry::z_up_to_y_up(mesh);
        }
    }
    if up_axis == UpAxis::Z {
        for camera in &mut cameras {
            for v in [&mut camera.eye, &mut camera.forward, &mut camera.up] {
                *v = geometry::z_up_to_y_up_point(*v);
            }
        }
    }
    let bounds = Bounds::of_meshes(&meshes);
    if !bounds.is_finite() {
        return Err(Problem::input(format!(
            "{}: the model's coordinates are too large to frame (its size overflows 32-bit floats)",
            path.display()
        ))
        .into());
    }
    Ok(Scene {
        source: path.to_path_buf(),
        format,
        meshes,
        materials,
        textures,
        animations,
        cameras,
        rig,
        up_axis,
        bounds,
        warnings,
        files: Vec::new(),
    })
}
