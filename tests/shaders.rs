//! Every WGSL shader parses and validates with naga, without a GPU.

#[test]
fn every_shader_validates_with_naga() {
    for (name, source) in holoforge::render::shaders::ALL {
        let module =
            naga::front::wgsl::parse_str(source).unwrap_or_else(|e| panic!("{name}: {}", e.emit_to_string(source)));
        naga::valid::Validator::new(naga::valid::ValidationFlags::all(), naga::valid::Capabilities::empty())
            .validate(&module)
            .unwrap_or_else(|e| panic!("{name}: {e:?}"));
    }
}

#[test]
fn every_file_in_shaders_is_compiled_into_the_binary() {
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("shaders");
    let mut on_disk: Vec<String> = std::fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".wgsl"))
        .collect();
    on_disk.sort();
    let mut included: Vec<String> = holoforge::render::shaders::ALL.iter().map(|(n, _)| n.to_string()).collect();
    included.sort();
    assert_eq!(on_disk, included);
}
