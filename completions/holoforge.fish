# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_holoforge_global_optspecs
    string join \n h/help V/version
end

function __fish_holoforge_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_holoforge_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_holoforge_using_subcommand
    set -l cmd (__fish_holoforge_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c holoforge -n "__fish_holoforge_needs_command" -s h -l help -d 'Print help'
complete -c holoforge -n "__fish_holoforge_needs_command" -s V -l version -d 'Print version'
complete -c holoforge -n "__fish_holoforge_needs_command" -f -a "render" -d 'Render models into hologram videos or frame sequences (one output per model)'
complete -c holoforge -n "__fish_holoforge_needs_command" -f -a "demo" -d 'Render the built-in demo model: works with no input file'
complete -c holoforge -n "__fish_holoforge_needs_command" -f -a "run" -d 'Render every job of a TOML manifest (command-line options override it)'
complete -c holoforge -n "__fish_holoforge_needs_command" -f -a "validate" -d 'Check a manifest and print the resolved plan; nothing is rendered'
complete -c holoforge -n "__fish_holoforge_needs_command" -f -a "encode" -d 'Turn a PNG or RGBA frame sequence (e.g. assembled from farm shards) into any format'
complete -c holoforge -n "__fish_holoforge_needs_command" -f -a "inspect" -d 'Show what the loader understood of a model: triangles, bounds, materials, animations'
complete -c holoforge -n "__fish_holoforge_needs_command" -f -a "formats" -d 'List the export formats'
complete -c holoforge -n "__fish_holoforge_needs_command" -f -a "doctor" -d 'Check this machine: GPU adapters and limits, ffmpeg and its encoders, formats available here'
complete -c holoforge -n "__fish_holoforge_needs_command" -f -a "bench" -d 'Time each stage of a frame (pre-pass, surfaces, edges, bloom, encode, readback) and the sinks on this machine\'s adapter, for one model and the render options given; writes nothing'
complete -c holoforge -n "__fish_holoforge_needs_command" -f -a "completions" -d 'Print the completion script for a shell (bash, zsh, fish, powershell, elvish)'
complete -c holoforge -n "__fish_holoforge_needs_command" -f -a "man" -d 'Write the man pages into the man tree DIR (man1/holoforge.1, man1/holoforge-render.1, …, man5/holoforge-manifest.5), or print holoforge(1)'
complete -c holoforge -n "__fish_holoforge_needs_command" -f -a "generate-docs" -d 'Write the man pages and shell completions under DIR (for packagers)'
complete -c holoforge -n "__fish_holoforge_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c holoforge -n "__fish_holoforge_using_subcommand render" -s o -l output -d 'Output file, folder for frame sequences, or - for standard output (mp4 fragmented, webm, gif, rgba, one png); without -f its extension picks the format (.mp4, .mov, .gif, .webm, .webp, .png) [default: named after the model, in the current folder]' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand render" -s f -l format -d 'Output format (see `holoforge formats`) [default: mp4]' -r -f -a "png\t''
jpeg\t''
rgba\t''
mp4\t''
mp4-hevc\t''
gif\t''
webm\t''
webm-alpha\t''
prores\t''
webp\t''
apng\t''
stacked-alpha\t''"
complete -c holoforge -n "__fish_holoforge_using_subcommand render" -l quality -d 'Encoding quality (each format\'s meaning: `holoforge formats`) [default: high]' -r -f -a "low\t'Small files for previews'
medium\t'A balance for the web'
high\t'Visually lossless for most footage (the default)'
ultra\t'For masters and further compositing'"
complete -c holoforge -n "__fish_holoforge_using_subcommand render" -l crf -d 'Constant rate factor (or the format\'s quality number), overriding --quality' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand render" -l encoder-preset -d 'Encoder speed preset, e.g. x264\'s ultrafast … veryslow, VP9\'s -cpu-used 0..8' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand render" -s s -l size -d 'Frame size: 480p, 720p, 1080p, 1440p, 4k, 8k (add -square or -vertical), or WxH [default: 1080p]' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand render" -l fps -d 'Frames per second [default: 30]' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand render" -l duration -d 'Clip length in seconds: the clip is duration × fps frames, one turntable turn spans it [default: 6, or one play of the model\'s animation]' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand render" -l frames -d 'Number of frames to render from --start-frame; they must lie inside the clip [default: the rest of the clip]' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand render" -l start-frame -d 'First frame to render (for render farms: a range equals that range of a full run) [default: 0]' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand render" -l camera -d 'Camera motion: turntable (full turns around the model), orbit (a swing around the start view), still (the start view for every frame), path (a keyframed path, from a manifest\'s [[job.path]] tables), file:NAME (a camera of the model file), or a named view for a still (front, back, right, left, top, bottom, angle45, isometric) [default: turntable, or path when the job has one]' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand render" -l view -d 'Named view the motion starts from (front, back, right, left, top, bottom, angle45, isometric)' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand render" -l azimuth -d 'Start azimuth in degrees, from the front towards the right [default: the view\'s, else 0]' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand render" -l elevation -d 'Camera elevation above the horizon, in degrees [default: the view\'s, else 15]' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand render" -l turns -d 'Turntable turns over the clip (negative: clockwise seen from above) [default: 1]' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand render" -l orbit-sweep -d 'Orbit: total azimuth swing in degrees [default: 90]' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand render" -l orbit-swing -d 'Orbit: elevation swing in degrees [default: 10]' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand render" -l fov -d 'Vertical field of view in degrees [default: 35]' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand render" -l margin -d 'Space around the model, as a fraction of its size [default: 0.1]' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand render" -l style -d 'Surface style: hologram (rim glow, scanlines, bloom), shaded (lit reference look) or wireframe (glowing edges) [default: hologram]' -r -f -a "hologram\t''
shaded\t''
wireframe\t''"
complete -c holoforge -n "__fish_holoforge_using_subcommand render" -l color -d 'Hologram colour (hex) [default: #00e5ff]' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand render" -l look -d 'Look preset (classic, amber, matrix, mono) or a parameter as KEY=VALUE (color, rim-power, rim-strength, rim-whiten, fill, fill-opacity, scanline-density, scanline-strength, scanline-speed, scanline-space, flicker, flicker-rate, glitch, glitch-rate, glitch-split, glitch-spike, glitch-jitter, seed, xray, bloom, bloom-threshold, bloom-radius, bloom-halo, bloom-halo-radius, wire-width, wire-angle, wire-brightness, wire-over-hologram, wire-hidden, edge-glow, edge-angle, detail); repeatable' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand render" -l layout -d 'Display layout: single (one view), quilt (Looking Glass), pyramid (Pepper\'s ghost), fan (LED fan) or sheet (front, right, top and isometric views in a 2×2 contact sheet) [default: single]' -r -f -a "single\t''
quilt\t''
pyramid\t''
fan\t''
sheet\t''"
complete -c holoforge -n "__fish_holoforge_using_subcommand render" -l device -d 'Display preset (sets the layout too): quilts: go, portrait, 16-landscape, 16-portrait, 32-landscape, 32-portrait, 65; pyramids: phone, tablet, monitor; fans: fan-1024, fan-720' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand render" -l quilt -d 'Quilt views as COLSxROWS [default: the device\'s]' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand render" -l view-cone -d 'Quilt: angle from the leftmost to the rightmost view, in degrees [default: 40]' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand render" -l quilt-aspect -d 'Quilt: the display\'s width / height [default: the device\'s]' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand render" -l pyramid -d 'Pyramid mounting: outward (views\' tops point away from the centre) or inward [default: outward]' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand render" -l pyramid-gap -d 'Pyramid: share of the canvas side left black in the centre, 1/3 to 0.9 [default: 1/3]' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand render" -l pyramid-mirror -d 'Pyramid: mirror each view so that its reflection in the pane reads the right way round; false for displays that mirror the picture themselves [default: true]' -r -f -a "true\t''
false\t''"
complete -c holoforge -n "__fish_holoforge_using_subcommand render" -l sheet-labels -d 'Sheet: write each view\'s name in its corner [default: true]' -r -f -a "true\t''
false\t''"
complete -c holoforge -n "__fish_holoforge_using_subcommand render" -l background -d 'Background: transparent or a hex colour [default: transparent for alpha formats, black otherwise]' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand render" -l up -d 'Up axis of the model file: auto (glTF/FBX/OBJ/PLY Y-up, STL/3MF Z-up), y or z [default: auto]' -r -f -a "auto\t'The format\'s usual axis, as --up\'s help lists it'
y\t'Treat the file as Y-up'
z\t'Treat the file as Z-up'"
complete -c holoforge -n "__fish_holoforge_using_subcommand render" -l animation -d 'glTF animation to play, by name or index [default: the first]; without --duration, one play of the clip is rendered' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand render" -l animation-speed -d 'Animation speed factor (2 = twice as fast) [default: 1]' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand render" -l animation-end -d 'After the clip ends: loop, or clamp (hold the last pose) [default: loop]' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand render" -l poster-frame -d 'The frame of the poster (implies --poster) [default: the first rendered]' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand render" -l aa -d 'Anti-aliasing of edges: msaa (4× multisampling, the default), fxaa (edge smoothing in the final pass, cheap on CPU drivers) or none (aliased edges) [default: msaa]' -r -f -a "msaa\t''
fxaa\t''
none\t''"
complete -c holoforge -n "__fish_holoforge_using_subcommand render" -l msaa -d 'Multisample anti-aliasing, the older spelling of --aa: 4 is --aa msaa, 1 is --aa none' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand render" -l adapter -d 'Use the GPU adapter whose description contains this text, e.g. nvidia, llvmpipe, vulkan, gl (the adapter in use is shown when a render starts)' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand render" -l ffmpeg -d 'The ffmpeg executable [default: $HOLOFORGE_FFMPEG, ffmpeg on PATH, then a pip-installed imageio-ffmpeg]' -r -F
complete -c holoforge -n "__fish_holoforge_using_subcommand render" -l progress -d 'Frame progress: auto (a bar on a terminal, else a line every 5 s or 10 %), bar, lines, none' -r -f -a "auto\t'A bar on a terminal, lines otherwise'
bar\t'The terminal bar (drawn only when stderr is a terminal)'
lines\t'A line every 5 s or 10 %: `frame 60/180 (33%) 5.1 fps eta 0:23`'
none\t'No frame progress (messages still appear)'"
complete -c holoforge -n "__fish_holoforge_using_subcommand render" -l orbit-loop -d 'Orbit: a full turn while the elevation swings, instead of the back-and-forth sweep'
complete -c holoforge -n "__fish_holoforge_using_subcommand render" -l ortho -d 'Orthographic projection (no perspective)'
complete -c holoforge -n "__fish_holoforge_using_subcommand render" -l poster -d 'Also write `<output stem>.poster.jpg` beside the output: one frame as a thumbnail'
complete -c holoforge -n "__fish_holoforge_using_subcommand render" -l force -d 'Replace existing outputs: a file, or a frame folder holoforge wrote (never a folder of yours, never a file the model reads)'
complete -c holoforge -n "__fish_holoforge_using_subcommand render" -s q -l quiet -d 'Print only warnings and errors'
complete -c holoforge -n "__fish_holoforge_using_subcommand render" -l json -d 'Write NDJSON events to stdout for scripts (the same schema as `run --json`)'
complete -c holoforge -n "__fish_holoforge_using_subcommand render" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c holoforge -n "__fish_holoforge_using_subcommand demo" -s o -l output -d 'Output file, folder for frame sequences, or - for standard output (mp4 fragmented, webm, gif, rgba, one png); without -f its extension picks the format (.mp4, .mov, .gif, .webm, .webp, .png) [default: named after the model, in the current folder]' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand demo" -s f -l format -d 'Output format (see `holoforge formats`) [default: mp4]' -r -f -a "png\t''
jpeg\t''
rgba\t''
mp4\t''
mp4-hevc\t''
gif\t''
webm\t''
webm-alpha\t''
prores\t''
webp\t''
apng\t''
stacked-alpha\t''"
complete -c holoforge -n "__fish_holoforge_using_subcommand demo" -l quality -d 'Encoding quality (each format\'s meaning: `holoforge formats`) [default: high]' -r -f -a "low\t'Small files for previews'
medium\t'A balance for the web'
high\t'Visually lossless for most footage (the default)'
ultra\t'For masters and further compositing'"
complete -c holoforge -n "__fish_holoforge_using_subcommand demo" -l crf -d 'Constant rate factor (or the format\'s quality number), overriding --quality' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand demo" -l encoder-preset -d 'Encoder speed preset, e.g. x264\'s ultrafast … veryslow, VP9\'s -cpu-used 0..8' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand demo" -s s -l size -d 'Frame size: 480p, 720p, 1080p, 1440p, 4k, 8k (add -square or -vertical), or WxH [default: 1080p]' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand demo" -l fps -d 'Frames per second [default: 30]' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand demo" -l duration -d 'Clip length in seconds: the clip is duration × fps frames, one turntable turn spans it [default: 6, or one play of the model\'s animation]' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand demo" -l frames -d 'Number of frames to render from --start-frame; they must lie inside the clip [default: the rest of the clip]' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand demo" -l start-frame -d 'First frame to render (for render farms: a range equals that range of a full run) [default: 0]' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand demo" -l camera -d 'Camera motion: turntable (full turns around the model), orbit (a swing around the start view), still (the start view for every frame), path (a keyframed path, from a manifest\'s [[job.path]] tables), file:NAME (a camera of the model file), or a named view for a still (front, back, right, left, top, bottom, angle45, isometric) [default: turntable, or path when the job has one]' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand demo" -l view -d 'Named view the motion starts from (front, back, right, left, top, bottom, angle45, isometric)' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand demo" -l azimuth -d 'Start azimuth in degrees, from the front towards the right [default: the view\'s, else 0]' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand demo" -l elevation -d 'Camera elevation above the horizon, in degrees [default: the view\'s, else 15]' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand demo" -l turns -d 'Turntable turns over the clip (negative: clockwise seen from above) [default: 1]' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand demo" -l orbit-sweep -d 'Orbit: total azimuth swing in degrees [default: 90]' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand demo" -l orbit-swing -d 'Orbit: elevation swing in degrees [default: 10]' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand demo" -l fov -d 'Vertical field of view in degrees [default: 35]' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand demo" -l margin -d 'Space around the model, as a fraction of its size [default: 0.1]' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand demo" -l style -d 'Surface style: hologram (rim glow, scanlines, bloom), shaded (lit reference look) or wireframe (glowing edges) [default: hologram]' -r -f -a "hologram\t''
shaded\t''
wireframe\t''"
complete -c holoforge -n "__fish_holoforge_using_subcommand demo" -l color -d 'Hologram colour (hex) [default: #00e5ff]' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand demo" -l look -d 'Look preset (classic, amber, matrix, mono) or a parameter as KEY=VALUE (color, rim-power, rim-strength, rim-whiten, fill, fill-opacity, scanline-density, scanline-strength, scanline-speed, scanline-space, flicker, flicker-rate, glitch, glitch-rate, glitch-split, glitch-spike, glitch-jitter, seed, xray, bloom, bloom-threshold, bloom-radius, bloom-halo, bloom-halo-radius, wire-width, wire-angle, wire-brightness, wire-over-hologram, wire-hidden, edge-glow, edge-angle, detail); repeatable' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand demo" -l layout -d 'Display layout: single (one view), quilt (Looking Glass), pyramid (Pepper\'s ghost), fan (LED fan) or sheet (front, right, top and isometric views in a 2×2 contact sheet) [default: single]' -r -f -a "single\t''
quilt\t''
pyramid\t''
fan\t''
sheet\t''"
complete -c holoforge -n "__fish_holoforge_using_subcommand demo" -l device -d 'Display preset (sets the layout too): quilts: go, portrait, 16-landscape, 16-portrait, 32-landscape, 32-portrait, 65; pyramids: phone, tablet, monitor; fans: fan-1024, fan-720' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand demo" -l quilt -d 'Quilt views as COLSxROWS [default: the device\'s]' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand demo" -l view-cone -d 'Quilt: angle from the leftmost to the rightmost view, in degrees [default: 40]' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand demo" -l quilt-aspect -d 'Quilt: the display\'s width / height [default: the device\'s]' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand demo" -l pyramid -d 'Pyramid mounting: outward (views\' tops point away from the centre) or inward [default: outward]' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand demo" -l pyramid-gap -d 'Pyramid: share of the canvas side left black in the centre, 1/3 to 0.9 [default: 1/3]' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand demo" -l pyramid-mirror -d 'Pyramid: mirror each view so that its reflection in the pane reads the right way round; false for displays that mirror the picture themselves [default: true]' -r -f -a "true\t''
false\t''"
complete -c holoforge -n "__fish_holoforge_using_subcommand demo" -l sheet-labels -d 'Sheet: write each view\'s name in its corner [default: true]' -r -f -a "true\t''
false\t''"
complete -c holoforge -n "__fish_holoforge_using_subcommand demo" -l background -d 'Background: transparent or a hex colour [default: transparent for alpha formats, black otherwise]' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand demo" -l up -d 'Up axis of the model file: auto (glTF/FBX/OBJ/PLY Y-up, STL/3MF Z-up), y or z [default: auto]' -r -f -a "auto\t'The format\'s usual axis, as --up\'s help lists it'
y\t'Treat the file as Y-up'
z\t'Treat the file as Z-up'"
complete -c holoforge -n "__fish_holoforge_using_subcommand demo" -l animation -d 'glTF animation to play, by name or index [default: the first]; without --duration, one play of the clip is rendered' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand demo" -l animation-speed -d 'Animation speed factor (2 = twice as fast) [default: 1]' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand demo" -l animation-end -d 'After the clip ends: loop, or clamp (hold the last pose) [default: loop]' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand demo" -l poster-frame -d 'The frame of the poster (implies --poster) [default: the first rendered]' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand demo" -l aa -d 'Anti-aliasing of edges: msaa (4× multisampling, the default), fxaa (edge smoothing in the final pass, cheap on CPU drivers) or none (aliased edges) [default: msaa]' -r -f -a "msaa\t''
fxaa\t''
none\t''"
complete -c holoforge -n "__fish_holoforge_using_subcommand demo" -l msaa -d 'Multisample anti-aliasing, the older spelling of --aa: 4 is --aa msaa, 1 is --aa none' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand demo" -l adapter -d 'Use the GPU adapter whose description contains this text, e.g. nvidia, llvmpipe, vulkan, gl (the adapter in use is shown when a render starts)' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand demo" -l ffmpeg -d 'The ffmpeg executable [default: $HOLOFORGE_FFMPEG, ffmpeg on PATH, then a pip-installed imageio-ffmpeg]' -r -F
complete -c holoforge -n "__fish_holoforge_using_subcommand demo" -l progress -d 'Frame progress: auto (a bar on a terminal, else a line every 5 s or 10 %), bar, lines, none' -r -f -a "auto\t'A bar on a terminal, lines otherwise'
bar\t'The terminal bar (drawn only when stderr is a terminal)'
lines\t'A line every 5 s or 10 %: `frame 60/180 (33%) 5.1 fps eta 0:23`'
none\t'No frame progress (messages still appear)'"
complete -c holoforge -n "__fish_holoforge_using_subcommand demo" -l orbit-loop -d 'Orbit: a full turn while the elevation swings, instead of the back-and-forth sweep'
complete -c holoforge -n "__fish_holoforge_using_subcommand demo" -l ortho -d 'Orthographic projection (no perspective)'
complete -c holoforge -n "__fish_holoforge_using_subcommand demo" -l poster -d 'Also write `<output stem>.poster.jpg` beside the output: one frame as a thumbnail'
complete -c holoforge -n "__fish_holoforge_using_subcommand demo" -l force -d 'Replace existing outputs: a file, or a frame folder holoforge wrote (never a folder of yours, never a file the model reads)'
complete -c holoforge -n "__fish_holoforge_using_subcommand demo" -s q -l quiet -d 'Print only warnings and errors'
complete -c holoforge -n "__fish_holoforge_using_subcommand demo" -l json -d 'Write NDJSON events to stdout for scripts (the same schema as `run --json`)'
complete -c holoforge -n "__fish_holoforge_using_subcommand demo" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c holoforge -n "__fish_holoforge_using_subcommand run" -s o -l output -d 'Output file, folder for frame sequences, or - for standard output (mp4 fragmented, webm, gif, rgba, one png); without -f its extension picks the format (.mp4, .mov, .gif, .webm, .webp, .png) [default: named after the model, in the current folder]' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand run" -s f -l format -d 'Output format (see `holoforge formats`) [default: mp4]' -r -f -a "png\t''
jpeg\t''
rgba\t''
mp4\t''
mp4-hevc\t''
gif\t''
webm\t''
webm-alpha\t''
prores\t''
webp\t''
apng\t''
stacked-alpha\t''"
complete -c holoforge -n "__fish_holoforge_using_subcommand run" -l quality -d 'Encoding quality (each format\'s meaning: `holoforge formats`) [default: high]' -r -f -a "low\t'Small files for previews'
medium\t'A balance for the web'
high\t'Visually lossless for most footage (the default)'
ultra\t'For masters and further compositing'"
complete -c holoforge -n "__fish_holoforge_using_subcommand run" -l crf -d 'Constant rate factor (or the format\'s quality number), overriding --quality' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand run" -l encoder-preset -d 'Encoder speed preset, e.g. x264\'s ultrafast … veryslow, VP9\'s -cpu-used 0..8' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand run" -s s -l size -d 'Frame size: 480p, 720p, 1080p, 1440p, 4k, 8k (add -square or -vertical), or WxH [default: 1080p]' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand run" -l fps -d 'Frames per second [default: 30]' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand run" -l duration -d 'Clip length in seconds: the clip is duration × fps frames, one turntable turn spans it [default: 6, or one play of the model\'s animation]' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand run" -l frames -d 'Number of frames to render from --start-frame; they must lie inside the clip [default: the rest of the clip]' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand run" -l start-frame -d 'First frame to render (for render farms: a range equals that range of a full run) [default: 0]' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand run" -l camera -d 'Camera motion: turntable (full turns around the model), orbit (a swing around the start view), still (the start view for every frame), path (a keyframed path, from a manifest\'s [[job.path]] tables), file:NAME (a camera of the model file), or a named view for a still (front, back, right, left, top, bottom, angle45, isometric) [default: turntable, or path when the job has one]' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand run" -l view -d 'Named view the motion starts from (front, back, right, left, top, bottom, angle45, isometric)' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand run" -l azimuth -d 'Start azimuth in degrees, from the front towards the right [default: the view\'s, else 0]' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand run" -l elevation -d 'Camera elevation above the horizon, in degrees [default: the view\'s, else 15]' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand run" -l turns -d 'Turntable turns over the clip (negative: clockwise seen from above) [default: 1]' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand run" -l orbit-sweep -d 'Orbit: total azimuth swing in degrees [default: 90]' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand run" -l orbit-swing -d 'Orbit: elevation swing in degrees [default: 10]' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand run" -l fov -d 'Vertical field of view in degrees [default: 35]' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand run" -l margin -d 'Space around the model, as a fraction of its size [default: 0.1]' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand run" -l style -d 'Surface style: hologram (rim glow, scanlines, bloom), shaded (lit reference look) or wireframe (glowing edges) [default: hologram]' -r -f -a "hologram\t''
shaded\t''
wireframe\t''"
complete -c holoforge -n "__fish_holoforge_using_subcommand run" -l color -d 'Hologram colour (hex) [default: #00e5ff]' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand run" -l look -d 'Look preset (classic, amber, matrix, mono) or a parameter as KEY=VALUE (color, rim-power, rim-strength, rim-whiten, fill, fill-opacity, scanline-density, scanline-strength, scanline-speed, scanline-space, flicker, flicker-rate, glitch, glitch-rate, glitch-split, glitch-spike, glitch-jitter, seed, xray, bloom, bloom-threshold, bloom-radius, bloom-halo, bloom-halo-radius, wire-width, wire-angle, wire-brightness, wire-over-hologram, wire-hidden, edge-glow, edge-angle, detail); repeatable' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand run" -l layout -d 'Display layout: single (one view), quilt (Looking Glass), pyramid (Pepper\'s ghost), fan (LED fan) or sheet (front, right, top and isometric views in a 2×2 contact sheet) [default: single]' -r -f -a "single\t''
quilt\t''
pyramid\t''
fan\t''
sheet\t''"
complete -c holoforge -n "__fish_holoforge_using_subcommand run" -l device -d 'Display preset (sets the layout too): quilts: go, portrait, 16-landscape, 16-portrait, 32-landscape, 32-portrait, 65; pyramids: phone, tablet, monitor; fans: fan-1024, fan-720' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand run" -l quilt -d 'Quilt views as COLSxROWS [default: the device\'s]' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand run" -l view-cone -d 'Quilt: angle from the leftmost to the rightmost view, in degrees [default: 40]' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand run" -l quilt-aspect -d 'Quilt: the display\'s width / height [default: the device\'s]' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand run" -l pyramid -d 'Pyramid mounting: outward (views\' tops point away from the centre) or inward [default: outward]' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand run" -l pyramid-gap -d 'Pyramid: share of the canvas side left black in the centre, 1/3 to 0.9 [default: 1/3]' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand run" -l pyramid-mirror -d 'Pyramid: mirror each view so that its reflection in the pane reads the right way round; false for displays that mirror the picture themselves [default: true]' -r -f -a "true\t''
false\t''"
complete -c holoforge -n "__fish_holoforge_using_subcommand run" -l sheet-labels -d 'Sheet: write each view\'s name in its corner [default: true]' -r -f -a "true\t''
false\t''"
complete -c holoforge -n "__fish_holoforge_using_subcommand run" -l background -d 'Background: transparent or a hex colour [default: transparent for alpha formats, black otherwise]' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand run" -l up -d 'Up axis of the model file: auto (glTF/FBX/OBJ/PLY Y-up, STL/3MF Z-up), y or z [default: auto]' -r -f -a "auto\t'The format\'s usual axis, as --up\'s help lists it'
y\t'Treat the file as Y-up'
z\t'Treat the file as Z-up'"
complete -c holoforge -n "__fish_holoforge_using_subcommand run" -l animation -d 'glTF animation to play, by name or index [default: the first]; without --duration, one play of the clip is rendered' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand run" -l animation-speed -d 'Animation speed factor (2 = twice as fast) [default: 1]' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand run" -l animation-end -d 'After the clip ends: loop, or clamp (hold the last pose) [default: loop]' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand run" -l poster-frame -d 'The frame of the poster (implies --poster) [default: the first rendered]' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand run" -l aa -d 'Anti-aliasing of edges: msaa (4× multisampling, the default), fxaa (edge smoothing in the final pass, cheap on CPU drivers) or none (aliased edges) [default: msaa]' -r -f -a "msaa\t''
fxaa\t''
none\t''"
complete -c holoforge -n "__fish_holoforge_using_subcommand run" -l msaa -d 'Multisample anti-aliasing, the older spelling of --aa: 4 is --aa msaa, 1 is --aa none' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand run" -l adapter -d 'Use the GPU adapter whose description contains this text, e.g. nvidia, llvmpipe, vulkan, gl (the adapter in use is shown when a render starts)' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand run" -l ffmpeg -d 'The ffmpeg executable [default: $HOLOFORGE_FFMPEG, ffmpeg on PATH, then a pip-installed imageio-ffmpeg]' -r -F
complete -c holoforge -n "__fish_holoforge_using_subcommand run" -l progress -d 'Frame progress: auto (a bar on a terminal, else a line every 5 s or 10 %), bar, lines, none' -r -f -a "auto\t'A bar on a terminal, lines otherwise'
bar\t'The terminal bar (drawn only when stderr is a terminal)'
lines\t'A line every 5 s or 10 %: `frame 60/180 (33%) 5.1 fps eta 0:23`'
none\t'No frame progress (messages still appear)'"
complete -c holoforge -n "__fish_holoforge_using_subcommand run" -l shard -d 'Run only shard K of N (1-based): jobs K, K+N, K+2N, … — for render farms' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand run" -l orbit-loop -d 'Orbit: a full turn while the elevation swings, instead of the back-and-forth sweep'
complete -c holoforge -n "__fish_holoforge_using_subcommand run" -l ortho -d 'Orthographic projection (no perspective)'
complete -c holoforge -n "__fish_holoforge_using_subcommand run" -l poster -d 'Also write `<output stem>.poster.jpg` beside the output: one frame as a thumbnail'
complete -c holoforge -n "__fish_holoforge_using_subcommand run" -l force -d 'Replace existing outputs: a file, or a frame folder holoforge wrote (never a folder of yours, never a file the model reads)'
complete -c holoforge -n "__fish_holoforge_using_subcommand run" -s q -l quiet -d 'Print only warnings and errors'
complete -c holoforge -n "__fish_holoforge_using_subcommand run" -l json -d 'Write NDJSON events to stdout for scripts (the same schema as `run --json`)'
complete -c holoforge -n "__fish_holoforge_using_subcommand run" -l fail-fast -d 'Stop at the first failed job (by default the batch goes on)'
complete -c holoforge -n "__fish_holoforge_using_subcommand run" -l skip-existing -d 'Skip jobs whose outputs all exist (resume an interrupted batch)'
complete -c holoforge -n "__fish_holoforge_using_subcommand run" -l dry-run -d 'Validate and print the plan; render nothing'
complete -c holoforge -n "__fish_holoforge_using_subcommand run" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c holoforge -n "__fish_holoforge_using_subcommand validate" -l json -d 'Print the plan as JSON'
complete -c holoforge -n "__fish_holoforge_using_subcommand validate" -s h -l help -d 'Print help'
complete -c holoforge -n "__fish_holoforge_using_subcommand encode" -s f -l format -d 'Output format [default: what -o\'s extension names]' -r -f -a "png\t''
jpeg\t''
rgba\t''
mp4\t''
mp4-hevc\t''
gif\t''
webm\t''
webm-alpha\t''
prores\t''
webp\t''
apng\t''
stacked-alpha\t''"
complete -c holoforge -n "__fish_holoforge_using_subcommand encode" -s o -l output -d 'Output path [default: named after the folder]' -r -F
complete -c holoforge -n "__fish_holoforge_using_subcommand encode" -l fps -d 'Frames per second [default: frames.json\'s, else 30]' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand encode" -l background -d 'Background for opaque formats (hex) [default: black]' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand encode" -l quality -d 'Encoding quality (each format\'s meaning: `holoforge formats`) [default: high]' -r -f -a "low\t'Small files for previews'
medium\t'A balance for the web'
high\t'Visually lossless for most footage (the default)'
ultra\t'For masters and further compositing'"
complete -c holoforge -n "__fish_holoforge_using_subcommand encode" -l crf -d 'Constant rate factor (or the format\'s quality number), overriding --quality' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand encode" -l encoder-preset -d 'Encoder speed preset, e.g. x264\'s ultrafast … veryslow, VP9\'s -cpu-used 0..8' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand encode" -l ffmpeg -d 'The ffmpeg executable [default: $HOLOFORGE_FFMPEG, ffmpeg on PATH, then a pip-installed imageio-ffmpeg]' -r -F
complete -c holoforge -n "__fish_holoforge_using_subcommand encode" -l progress -d 'Frame progress: auto (a bar on a terminal, else a line every 5 s or 10 %), bar, lines, none' -r -f -a "auto\t'A bar on a terminal, lines otherwise'
bar\t'The terminal bar (drawn only when stderr is a terminal)'
lines\t'A line every 5 s or 10 %: `frame 60/180 (33%) 5.1 fps eta 0:23`'
none\t'No frame progress (messages still appear)'"
complete -c holoforge -n "__fish_holoforge_using_subcommand encode" -l force -d 'Replace existing outputs: a file, or a frame folder holoforge wrote (never a folder of yours, never a file the model reads)'
complete -c holoforge -n "__fish_holoforge_using_subcommand encode" -s q -l quiet -d 'Print only warnings and errors'
complete -c holoforge -n "__fish_holoforge_using_subcommand encode" -l json -d 'Write NDJSON events to stdout for scripts (the same schema as `run --json`)'
complete -c holoforge -n "__fish_holoforge_using_subcommand encode" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c holoforge -n "__fish_holoforge_using_subcommand inspect" -l up -d 'Up axis of the model file: auto (glTF/FBX/OBJ/PLY Y-up, STL/3MF Z-up), y or z' -r -f -a "auto\t'The format\'s usual axis, as --up\'s help lists it'
y\t'Treat the file as Y-up'
z\t'Treat the file as Z-up'"
complete -c holoforge -n "__fish_holoforge_using_subcommand inspect" -l json -d 'Print JSON for scripts instead of text'
complete -c holoforge -n "__fish_holoforge_using_subcommand inspect" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c holoforge -n "__fish_holoforge_using_subcommand formats" -l json -d 'Print JSON for scripts instead of text'
complete -c holoforge -n "__fish_holoforge_using_subcommand formats" -s h -l help -d 'Print help'
complete -c holoforge -n "__fish_holoforge_using_subcommand doctor" -l ffmpeg -d 'The ffmpeg executable to check [default: as for render]' -r -F
complete -c holoforge -n "__fish_holoforge_using_subcommand doctor" -l json -d 'Print JSON for scripts instead of text'
complete -c holoforge -n "__fish_holoforge_using_subcommand doctor" -s h -l help -d 'Print help'
complete -c holoforge -n "__fish_holoforge_using_subcommand bench" -s o -l output -d 'Output file, folder for frame sequences, or - for standard output (mp4 fragmented, webm, gif, rgba, one png); without -f its extension picks the format (.mp4, .mov, .gif, .webm, .webp, .png) [default: named after the model, in the current folder]' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand bench" -s f -l format -d 'Output format (see `holoforge formats`) [default: mp4]' -r -f -a "png\t''
jpeg\t''
rgba\t''
mp4\t''
mp4-hevc\t''
gif\t''
webm\t''
webm-alpha\t''
prores\t''
webp\t''
apng\t''
stacked-alpha\t''"
complete -c holoforge -n "__fish_holoforge_using_subcommand bench" -l quality -d 'Encoding quality (each format\'s meaning: `holoforge formats`) [default: high]' -r -f -a "low\t'Small files for previews'
medium\t'A balance for the web'
high\t'Visually lossless for most footage (the default)'
ultra\t'For masters and further compositing'"
complete -c holoforge -n "__fish_holoforge_using_subcommand bench" -l crf -d 'Constant rate factor (or the format\'s quality number), overriding --quality' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand bench" -l encoder-preset -d 'Encoder speed preset, e.g. x264\'s ultrafast … veryslow, VP9\'s -cpu-used 0..8' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand bench" -s s -l size -d 'Frame size: 480p, 720p, 1080p, 1440p, 4k, 8k (add -square or -vertical), or WxH [default: 1080p]' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand bench" -l fps -d 'Frames per second [default: 30]' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand bench" -l duration -d 'Clip length in seconds: the clip is duration × fps frames, one turntable turn spans it [default: 6, or one play of the model\'s animation]' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand bench" -l frames -d 'Number of frames to render from --start-frame; they must lie inside the clip [default: the rest of the clip]' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand bench" -l start-frame -d 'First frame to render (for render farms: a range equals that range of a full run) [default: 0]' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand bench" -l camera -d 'Camera motion: turntable (full turns around the model), orbit (a swing around the start view), still (the start view for every frame), path (a keyframed path, from a manifest\'s [[job.path]] tables), file:NAME (a camera of the model file), or a named view for a still (front, back, right, left, top, bottom, angle45, isometric) [default: turntable, or path when the job has one]' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand bench" -l view -d 'Named view the motion starts from (front, back, right, left, top, bottom, angle45, isometric)' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand bench" -l azimuth -d 'Start azimuth in degrees, from the front towards the right [default: the view\'s, else 0]' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand bench" -l elevation -d 'Camera elevation above the horizon, in degrees [default: the view\'s, else 15]' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand bench" -l turns -d 'Turntable turns over the clip (negative: clockwise seen from above) [default: 1]' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand bench" -l orbit-sweep -d 'Orbit: total azimuth swing in degrees [default: 90]' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand bench" -l orbit-swing -d 'Orbit: elevation swing in degrees [default: 10]' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand bench" -l fov -d 'Vertical field of view in degrees [default: 35]' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand bench" -l margin -d 'Space around the model, as a fraction of its size [default: 0.1]' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand bench" -l style -d 'Surface style: hologram (rim glow, scanlines, bloom), shaded (lit reference look) or wireframe (glowing edges) [default: hologram]' -r -f -a "hologram\t''
shaded\t''
wireframe\t''"
complete -c holoforge -n "__fish_holoforge_using_subcommand bench" -l color -d 'Hologram colour (hex) [default: #00e5ff]' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand bench" -l look -d 'Look preset (classic, amber, matrix, mono) or a parameter as KEY=VALUE (color, rim-power, rim-strength, rim-whiten, fill, fill-opacity, scanline-density, scanline-strength, scanline-speed, scanline-space, flicker, flicker-rate, glitch, glitch-rate, glitch-split, glitch-spike, glitch-jitter, seed, xray, bloom, bloom-threshold, bloom-radius, bloom-halo, bloom-halo-radius, wire-width, wire-angle, wire-brightness, wire-over-hologram, wire-hidden, edge-glow, edge-angle, detail); repeatable' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand bench" -l layout -d 'Display layout: single (one view), quilt (Looking Glass), pyramid (Pepper\'s ghost), fan (LED fan) or sheet (front, right, top and isometric views in a 2×2 contact sheet) [default: single]' -r -f -a "single\t''
quilt\t''
pyramid\t''
fan\t''
sheet\t''"
complete -c holoforge -n "__fish_holoforge_using_subcommand bench" -l device -d 'Display preset (sets the layout too): quilts: go, portrait, 16-landscape, 16-portrait, 32-landscape, 32-portrait, 65; pyramids: phone, tablet, monitor; fans: fan-1024, fan-720' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand bench" -l quilt -d 'Quilt views as COLSxROWS [default: the device\'s]' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand bench" -l view-cone -d 'Quilt: angle from the leftmost to the rightmost view, in degrees [default: 40]' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand bench" -l quilt-aspect -d 'Quilt: the display\'s width / height [default: the device\'s]' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand bench" -l pyramid -d 'Pyramid mounting: outward (views\' tops point away from the centre) or inward [default: outward]' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand bench" -l pyramid-gap -d 'Pyramid: share of the canvas side left black in the centre, 1/3 to 0.9 [default: 1/3]' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand bench" -l pyramid-mirror -d 'Pyramid: mirror each view so that its reflection in the pane reads the right way round; false for displays that mirror the picture themselves [default: true]' -r -f -a "true\t''
false\t''"
complete -c holoforge -n "__fish_holoforge_using_subcommand bench" -l sheet-labels -d 'Sheet: write each view\'s name in its corner [default: true]' -r -f -a "true\t''
false\t''"
complete -c holoforge -n "__fish_holoforge_using_subcommand bench" -l background -d 'Background: transparent or a hex colour [default: transparent for alpha formats, black otherwise]' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand bench" -l up -d 'Up axis of the model file: auto (glTF/FBX/OBJ/PLY Y-up, STL/3MF Z-up), y or z [default: auto]' -r -f -a "auto\t'The format\'s usual axis, as --up\'s help lists it'
y\t'Treat the file as Y-up'
z\t'Treat the file as Z-up'"
complete -c holoforge -n "__fish_holoforge_using_subcommand bench" -l animation -d 'glTF animation to play, by name or index [default: the first]; without --duration, one play of the clip is rendered' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand bench" -l animation-speed -d 'Animation speed factor (2 = twice as fast) [default: 1]' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand bench" -l animation-end -d 'After the clip ends: loop, or clamp (hold the last pose) [default: loop]' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand bench" -l poster-frame -d 'The frame of the poster (implies --poster) [default: the first rendered]' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand bench" -l aa -d 'Anti-aliasing of edges: msaa (4× multisampling, the default), fxaa (edge smoothing in the final pass, cheap on CPU drivers) or none (aliased edges) [default: msaa]' -r -f -a "msaa\t''
fxaa\t''
none\t''"
complete -c holoforge -n "__fish_holoforge_using_subcommand bench" -l msaa -d 'Multisample anti-aliasing, the older spelling of --aa: 4 is --aa msaa, 1 is --aa none' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand bench" -l adapter -d 'Use the GPU adapter whose description contains this text, e.g. nvidia, llvmpipe, vulkan, gl (the adapter in use is shown when a render starts)' -r
complete -c holoforge -n "__fish_holoforge_using_subcommand bench" -l ffmpeg -d 'The ffmpeg executable [default: $HOLOFORGE_FFMPEG, ffmpeg on PATH, then a pip-installed imageio-ffmpeg]' -r -F
complete -c holoforge -n "__fish_holoforge_using_subcommand bench" -l progress -d 'Frame progress: auto (a bar on a terminal, else a line every 5 s or 10 %), bar, lines, none' -r -f -a "auto\t'A bar on a terminal, lines otherwise'
bar\t'The terminal bar (drawn only when stderr is a terminal)'
lines\t'A line every 5 s or 10 %: `frame 60/180 (33%) 5.1 fps eta 0:23`'
none\t'No frame progress (messages still appear)'"
complete -c holoforge -n "__fish_holoforge_using_subcommand bench" -l orbit-loop -d 'Orbit: a full turn while the elevation swings, instead of the back-and-forth sweep'
complete -c holoforge -n "__fish_holoforge_using_subcommand bench" -l ortho -d 'Orthographic projection (no perspective)'
complete -c holoforge -n "__fish_holoforge_using_subcommand bench" -l poster -d 'Also write `<output stem>.poster.jpg` beside the output: one frame as a thumbnail'
complete -c holoforge -n "__fish_holoforge_using_subcommand bench" -l force -d 'Replace existing outputs: a file, or a frame folder holoforge wrote (never a folder of yours, never a file the model reads)'
complete -c holoforge -n "__fish_holoforge_using_subcommand bench" -s q -l quiet -d 'Print only warnings and errors'
complete -c holoforge -n "__fish_holoforge_using_subcommand bench" -l json -d 'Write NDJSON events to stdout for scripts (the same schema as `run --json`)'
complete -c holoforge -n "__fish_holoforge_using_subcommand bench" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c holoforge -n "__fish_holoforge_using_subcommand completions" -s h -l help -d 'Print help'
complete -c holoforge -n "__fish_holoforge_using_subcommand man" -l force -d 'Replace pages that exist in DIR'
complete -c holoforge -n "__fish_holoforge_using_subcommand man" -s h -l help -d 'Print help'
complete -c holoforge -n "__fish_holoforge_using_subcommand generate-docs" -s h -l help -d 'Print help'
complete -c holoforge -n "__fish_holoforge_using_subcommand help; and not __fish_seen_subcommand_from render demo run validate encode inspect formats doctor bench completions man generate-docs help" -f -a "render" -d 'Render models into hologram videos or frame sequences (one output per model)'
complete -c holoforge -n "__fish_holoforge_using_subcommand help; and not __fish_seen_subcommand_from render demo run validate encode inspect formats doctor bench completions man generate-docs help" -f -a "demo" -d 'Render the built-in demo model: works with no input file'
complete -c holoforge -n "__fish_holoforge_using_subcommand help; and not __fish_seen_subcommand_from render demo run validate encode inspect formats doctor bench completions man generate-docs help" -f -a "run" -d 'Render every job of a TOML manifest (command-line options override it)'
complete -c holoforge -n "__fish_holoforge_using_subcommand help; and not __fish_seen_subcommand_from render demo run validate encode inspect formats doctor bench completions man generate-docs help" -f -a "validate" -d 'Check a manifest and print the resolved plan; nothing is rendered'
complete -c holoforge -n "__fish_holoforge_using_subcommand help; and not __fish_seen_subcommand_from render demo run validate encode inspect formats doctor bench completions man generate-docs help" -f -a "encode" -d 'Turn a PNG or RGBA frame sequence (e.g. assembled from farm shards) into any format'
complete -c holoforge -n "__fish_holoforge_using_subcommand help; and not __fish_seen_subcommand_from render demo run validate encode inspect formats doctor bench completions man generate-docs help" -f -a "inspect" -d 'Show what the loader understood of a model: triangles, bounds, materials, animations'
complete -c holoforge -n "__fish_holoforge_using_subcommand help; and not __fish_seen_subcommand_from render demo run validate encode inspect formats doctor bench completions man generate-docs help" -f -a "formats" -d 'List the export formats'
complete -c holoforge -n "__fish_holoforge_using_subcommand help; and not __fish_seen_subcommand_from render demo run validate encode inspect formats doctor bench completions man generate-docs help" -f -a "doctor" -d 'Check this machine: GPU adapters and limits, ffmpeg and its encoders, formats available here'
complete -c holoforge -n "__fish_holoforge_using_subcommand help; and not __fish_seen_subcommand_from render demo run validate encode inspect formats doctor bench completions man generate-docs help" -f -a "bench" -d 'Time each stage of a frame (pre-pass, surfaces, edges, bloom, encode, readback) and the sinks on this machine\'s adapter, for one model and the render options given; writes nothing'
complete -c holoforge -n "__fish_holoforge_using_subcommand help; and not __fish_seen_subcommand_from render demo run validate encode inspect formats doctor bench completions man generate-docs help" -f -a "completions" -d 'Print the completion script for a shell (bash, zsh, fish, powershell, elvish)'
complete -c holoforge -n "__fish_holoforge_using_subcommand help; and not __fish_seen_subcommand_from render demo run validate encode inspect formats doctor bench completions man generate-docs help" -f -a "man" -d 'Write the man pages into the man tree DIR (man1/holoforge.1, man1/holoforge-render.1, …, man5/holoforge-manifest.5), or print holoforge(1)'
complete -c holoforge -n "__fish_holoforge_using_subcommand help; and not __fish_seen_subcommand_from render demo run validate encode inspect formats doctor bench completions man generate-docs help" -f -a "generate-docs" -d 'Write the man pages and shell completions under DIR (for packagers)'
complete -c holoforge -n "__fish_holoforge_using_subcommand help; and not __fish_seen_subcommand_from render demo run validate encode inspect formats doctor bench completions man generate-docs help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
