
use builtin;
use str;

set edit:completion:arg-completer[holoforge] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'holoforge'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'holoforge'= {
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand render 'Render models into hologram videos or frame sequences (one output per model)'
            cand demo 'Render the built-in demo model: works with no input file'
            cand run 'Render every job of a TOML manifest (command-line options override it)'
            cand validate 'Check a manifest and print the resolved plan; nothing is rendered'
            cand encode 'Turn a PNG or RGBA frame sequence (e.g. assembled from farm shards) into any format'
            cand inspect 'Show what the loader understood of a model: triangles, bounds, materials, animations'
            cand formats 'List the export formats'
            cand doctor 'Check this machine: GPU adapters and limits, ffmpeg and its encoders, formats available here'
            cand bench 'Time each stage of a frame (pre-pass, surfaces, edges, bloom, encode, readback) and the sinks on this machine''s adapter, for one model and the render options given; writes nothing'
            cand completions 'Print the completion script for a shell (bash, zsh, fish, powershell, elvish)'
            cand man 'Write the man pages into the man tree DIR (man1/holoforge.1, man1/holoforge-render.1, …, man5/holoforge-manifest.5), or print holoforge(1)'
            cand generate-docs 'Write the man pages and shell completions under DIR (for packagers)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'holoforge;render'= {
            cand -o 'Output file, folder for frame sequences, or - for standard output (mp4 fragmented, webm, gif, rgba, one png); without -f its extension picks the format (.mp4, .mov, .gif, .webm, .webp, .png) [default: named after the model, in the current folder]'
            cand --output 'Output file, folder for frame sequences, or - for standard output (mp4 fragmented, webm, gif, rgba, one png); without -f its extension picks the format (.mp4, .mov, .gif, .webm, .webp, .png) [default: named after the model, in the current folder]'
            cand -f 'Output format (see `holoforge formats`) [default: mp4]'
            cand --format 'Output format (see `holoforge formats`) [default: mp4]'
            cand --quality 'Encoding quality (each format''s meaning: `holoforge formats`) [default: high]'
            cand --crf 'Constant rate factor (or the format''s quality number), overriding --quality'
            cand --encoder-preset 'Encoder speed preset, e.g. x264''s ultrafast … veryslow, VP9''s -cpu-used 0..8'
            cand -s 'Frame size: 480p, 720p, 1080p, 1440p, 4k, 8k (add -square or -vertical), or WxH [default: 1080p]'
            cand --size 'Frame size: 480p, 720p, 1080p, 1440p, 4k, 8k (add -square or -vertical), or WxH [default: 1080p]'
            cand --fps 'Frames per second [default: 30]'
            cand --duration 'Clip length in seconds: the clip is duration × fps frames, one turntable turn spans it [default: 6, or one play of the model''s animation]'
            cand --frames 'Number of frames to render from --start-frame; they must lie inside the clip [default: the rest of the clip]'
            cand --start-frame 'First frame to render (for render farms: a range equals that range of a full run) [default: 0]'
            cand --camera 'Camera motion: turntable (full turns around the model), orbit (a swing around the start view), still (the start view for every frame), path (a keyframed path, from a manifest''s [[job.path]] tables), file:NAME (a camera of the model file), or a named view for a still (front, back, right, left, top, bottom, angle45, isometric) [default: turntable, or path when the job has one]'
            cand --view 'Named view the motion starts from (front, back, right, left, top, bottom, angle45, isometric)'
            cand --azimuth 'Start azimuth in degrees, from the front towards the right [default: the view''s, else 0]'
            cand --elevation 'Camera elevation above the horizon, in degrees [default: the view''s, else 15]'
            cand --turns 'Turntable turns over the clip (negative: clockwise seen from above) [default: 1]'
            cand --orbit-sweep 'Orbit: total azimuth swing in degrees [default: 90]'
            cand --orbit-swing 'Orbit: elevation swing in degrees [default: 10]'
            cand --fov 'Vertical field of view in degrees [default: 35]'
            cand --margin 'Space around the model, as a fraction of its size [default: 0.1]'
            cand --style 'Surface style: hologram (rim glow, scanlines, bloom), shaded (lit reference look) or wireframe (glowing edges) [default: hologram]'
            cand --color 'Hologram colour (hex) [default: #00e5ff]'
            cand --look 'Look preset (classic, amber, matrix, mono) or a parameter as KEY=VALUE (color, rim-power, rim-strength, rim-whiten, fill, fill-opacity, scanline-density, scanline-strength, scanline-speed, scanline-space, flicker, flicker-rate, glitch, glitch-rate, glitch-split, glitch-spike, glitch-jitter, seed, xray, bloom, bloom-threshold, bloom-radius, bloom-halo, bloom-halo-radius, wire-width, wire-angle, wire-brightness, wire-over-hologram, wire-hidden, edge-glow, edge-angle, detail); repeatable'
            cand --layout 'Display layout: single (one view), quilt (Looking Glass), pyramid (Pepper''s ghost), fan (LED fan) or sheet (front, right, top and isometric views in a 2×2 contact sheet) [default: single]'
            cand --device 'Display preset (sets the layout too): quilts: go, portrait, 16-landscape, 16-portrait, 32-landscape, 32-portrait, 65; pyramids: phone, tablet, monitor; fans: fan-1024, fan-720'
            cand --quilt 'Quilt views as COLSxROWS [default: the device''s]'
            cand --view-cone 'Quilt: angle from the leftmost to the rightmost view, in degrees [default: 40]'
            cand --quilt-aspect 'Quilt: the display''s width / height [default: the device''s]'
            cand --pyramid 'Pyramid mounting: outward (views'' tops point away from the centre) or inward [default: outward]'
            cand --pyramid-gap 'Pyramid: share of the canvas side left black in the centre, 1/3 to 0.9 [default: 1/3]'
            cand --pyramid-mirror 'Pyramid: mirror each view so that its reflection in the pane reads the right way round; false for displays that mirror the picture themselves [default: true]'
            cand --sheet-labels 'Sheet: write each view''s name in its corner [default: true]'
            cand --background 'Background: transparent or a hex colour [default: transparent for alpha formats, black otherwise]'
            cand --up 'Up axis of the model file: auto (glTF/FBX/OBJ/PLY Y-up, STL/3MF Z-up), y or z [default: auto]'
            cand --animation 'glTF animation to play, by name or index [default: the first]; without --duration, one play of the clip is rendered'
            cand --animation-speed 'Animation speed factor (2 = twice as fast) [default: 1]'
            cand --animation-end 'After the clip ends: loop, or clamp (hold the last pose) [default: loop]'
            cand --poster-frame 'The frame of the poster (implies --poster) [default: the first rendered]'
            cand --aa 'Anti-aliasing of edges: msaa (4× multisampling, the default), fxaa (edge smoothing in the final pass, cheap on CPU drivers) or none (aliased edges) [default: msaa]'
            cand --msaa 'Multisample anti-aliasing, the older spelling of --aa: 4 is --aa msaa, 1 is --aa none'
            cand --adapter 'Use the GPU adapter whose description contains this text, e.g. nvidia, llvmpipe, vulkan, gl (the adapter in use is shown when a render starts)'
            cand --ffmpeg 'The ffmpeg executable [default: $HOLOFORGE_FFMPEG, ffmpeg on PATH, then a pip-installed imageio-ffmpeg]'
            cand --progress 'Frame progress: auto (a bar on a terminal, else a line every 5 s or 10 %), bar, lines, none'
            cand --orbit-loop 'Orbit: a full turn while the elevation swings, instead of the back-and-forth sweep'
            cand --ortho 'Orthographic projection (no perspective)'
            cand --poster 'Also write `<output stem>.poster.jpg` beside the output: one frame as a thumbnail'
            cand --force 'Replace existing outputs: a file, or a frame folder holoforge wrote (never a folder of yours, never a file the model reads)'
            cand -q 'Print only warnings and errors'
            cand --quiet 'Print only warnings and errors'
            cand --json 'Write NDJSON events to stdout for scripts (the same schema as `run --json`)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'holoforge;demo'= {
            cand -o 'Output file, folder for frame sequences, or - for standard output (mp4 fragmented, webm, gif, rgba, one png); without -f its extension picks the format (.mp4, .mov, .gif, .webm, .webp, .png) [default: named after the model, in the current folder]'
            cand --output 'Output file, folder for frame sequences, or - for standard output (mp4 fragmented, webm, gif, rgba, one png); without -f its extension picks the format (.mp4, .mov, .gif, .webm, .webp, .png) [default: named after the model, in the current folder]'
            cand -f 'Output format (see `holoforge formats`) [default: mp4]'
            cand --format 'Output format (see `holoforge formats`) [default: mp4]'
            cand --quality 'Encoding quality (each format''s meaning: `holoforge formats`) [default: high]'
            cand --crf 'Constant rate factor (or the format''s quality number), overriding --quality'
            cand --encoder-preset 'Encoder speed preset, e.g. x264''s ultrafast … veryslow, VP9''s -cpu-used 0..8'
            cand -s 'Frame size: 480p, 720p, 1080p, 1440p, 4k, 8k (add -square or -vertical), or WxH [default: 1080p]'
            cand --size 'Frame size: 480p, 720p, 1080p, 1440p, 4k, 8k (add -square or -vertical), or WxH [default: 1080p]'
            cand --fps 'Frames per second [default: 30]'
            cand --duration 'Clip length in seconds: the clip is duration × fps frames, one turntable turn spans it [default: 6, or one play of the model''s animation]'
            cand --frames 'Number of frames to render from --start-frame; they must lie inside the clip [default: the rest of the clip]'
            cand --start-frame 'First frame to render (for render farms: a range equals that range of a full run) [default: 0]'
            cand --camera 'Camera motion: turntable (full turns around the model), orbit (a swing around the start view), still (the start view for every frame), path (a keyframed path, from a manifest''s [[job.path]] tables), file:NAME (a camera of the model file), or a named view for a still (front, back, right, left, top, bottom, angle45, isometric) [default: turntable, or path when the job has one]'
            cand --view 'Named view the motion starts from (front, back, right, left, top, bottom, angle45, isometric)'
            cand --azimuth 'Start azimuth in degrees, from the front towards the right [default: the view''s, else 0]'
            cand --elevation 'Camera elevation above the horizon, in degrees [default: the view''s, else 15]'
            cand --turns 'Turntable turns over the clip (negative: clockwise seen from above) [default: 1]'
            cand --orbit-sweep 'Orbit: total azimuth swing in degrees [default: 90]'
            cand --orbit-swing 'Orbit: elevation swing in degrees [default: 10]'
            cand --fov 'Vertical field of view in degrees [default: 35]'
            cand --margin 'Space around the model, as a fraction of its size [default: 0.1]'
            cand --style 'Surface style: hologram (rim glow, scanlines, bloom), shaded (lit reference look) or wireframe (glowing edges) [default: hologram]'
            cand --color 'Hologram colour (hex) [default: #00e5ff]'
            cand --look 'Look preset (classic, amber, matrix, mono) or a parameter as KEY=VALUE (color, rim-power, rim-strength, rim-whiten, fill, fill-opacity, scanline-density, scanline-strength, scanline-speed, scanline-space, flicker, flicker-rate, glitch, glitch-rate, glitch-split, glitch-spike, glitch-jitter, seed, xray, bloom, bloom-threshold, bloom-radius, bloom-halo, bloom-halo-radius, wire-width, wire-angle, wire-brightness, wire-over-hologram, wire-hidden, edge-glow, edge-angle, detail); repeatable'
            cand --layout 'Display layout: single (one view), quilt (Looking Glass), pyramid (Pepper''s ghost), fan (LED fan) or sheet (front, right, top and isometric views in a 2×2 contact sheet) [default: single]'
            cand --device 'Display preset (sets the layout too): quilts: go, portrait, 16-landscape, 16-portrait, 32-landscape, 32-portrait, 65; pyramids: phone, tablet, monitor; fans: fan-1024, fan-720'
            cand --quilt 'Quilt views as COLSxROWS [default: the device''s]'
            cand --view-cone 'Quilt: angle from the leftmost to the rightmost view, in degrees [default: 40]'
            cand --quilt-aspect 'Quilt: the display''s width / height [default: the device''s]'
            cand --pyramid 'Pyramid mounting: outward (views'' tops point away from the centre) or inward [default: outward]'
            cand --pyramid-gap 'Pyramid: share of the canvas side left black in the centre, 1/3 to 0.9 [default: 1/3]'
            cand --pyramid-mirror 'Pyramid: mirror each view so that its reflection in the pane reads the right way round; false for displays that mirror the picture themselves [default: true]'
            cand --sheet-labels 'Sheet: write each view''s name in its corner [default: true]'
            cand --background 'Background: transparent or a hex colour [default: transparent for alpha formats, black otherwise]'
            cand --up 'Up axis of the model file: auto (glTF/FBX/OBJ/PLY Y-up, STL/3MF Z-up), y or z [default: auto]'
            cand --animation 'glTF animation to play, by name or index [default: the first]; without --duration, one play of the clip is rendered'
            cand --animation-speed 'Animation speed factor (2 = twice as fast) [default: 1]'
            cand --animation-end 'After the clip ends: loop, or clamp (hold the last pose) [default: loop]'
            cand --poster-frame 'The frame of the poster (implies --poster) [default: the first rendered]'
            cand --aa 'Anti-aliasing of edges: msaa (4× multisampling, the default), fxaa (edge smoothing in the final pass, cheap on CPU drivers) or none (aliased edges) [default: msaa]'
            cand --msaa 'Multisample anti-aliasing, the older spelling of --aa: 4 is --aa msaa, 1 is --aa none'
            cand --adapter 'Use the GPU adapter whose description contains this text, e.g. nvidia, llvmpipe, vulkan, gl (the adapter in use is shown when a render starts)'
            cand --ffmpeg 'The ffmpeg executable [default: $HOLOFORGE_FFMPEG, ffmpeg on PATH, then a pip-installed imageio-ffmpeg]'
            cand --progress 'Frame progress: auto (a bar on a terminal, else a line every 5 s or 10 %), bar, lines, none'
            cand --orbit-loop 'Orbit: a full turn while the elevation swings, instead of the back-and-forth sweep'
            cand --ortho 'Orthographic projection (no perspective)'
            cand --poster 'Also write `<output stem>.poster.jpg` beside the output: one frame as a thumbnail'
            cand --force 'Replace existing outputs: a file, or a frame folder holoforge wrote (never a folder of yours, never a file the model reads)'
            cand -q 'Print only warnings and errors'
            cand --quiet 'Print only warnings and errors'
            cand --json 'Write NDJSON events to stdout for scripts (the same schema as `run --json`)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'holoforge;run'= {
            cand -o 'Output file, folder for frame sequences, or - for standard output (mp4 fragmented, webm, gif, rgba, one png); without -f its extension picks the format (.mp4, .mov, .gif, .webm, .webp, .png) [default: named after the model, in the current folder]'
            cand --output 'Output file, folder for frame sequences, or - for standard output (mp4 fragmented, webm, gif, rgba, one png); without -f its extension picks the format (.mp4, .mov, .gif, .webm, .webp, .png) [default: named after the model, in the current folder]'
            cand -f 'Output format (see `holoforge formats`) [default: mp4]'
            cand --format 'Output format (see `holoforge formats`) [default: mp4]'
            cand --quality 'Encoding quality (each format''s meaning: `holoforge formats`) [default: high]'
            cand --crf 'Constant rate factor (or the format''s quality number), overriding --quality'
            cand --encoder-preset 'Encoder speed preset, e.g. x264''s ultrafast … veryslow, VP9''s -cpu-used 0..8'
            cand -s 'Frame size: 480p, 720p, 1080p, 1440p, 4k, 8k (add -square or -vertical), or WxH [default: 1080p]'
            cand --size 'Frame size: 480p, 720p, 1080p, 1440p, 4k, 8k (add -square or -vertical), or WxH [default: 1080p]'
            cand --fps 'Frames per second [default: 30]'
            cand --duration 'Clip length in seconds: the clip is duration × fps frames, one turntable turn spans it [default: 6, or one play of the model''s animation]'
            cand --frames 'Number of frames to render from --start-frame; they must lie inside the clip [default: the rest of the clip]'
            cand --start-frame 'First frame to render (for render farms: a range equals that range of a full run) [default: 0]'
            cand --camera 'Camera motion: turntable (full turns around the model), orbit (a swing around the start view), still (the start view for every frame), path (a keyframed path, from a manifest''s [[job.path]] tables), file:NAME (a camera of the model file), or a named view for a still (front, back, right, left, top, bottom, angle45, isometric) [default: turntable, or path when the job has one]'
            cand --view 'Named view the motion starts from (front, back, right, left, top, bottom, angle45, isometric)'
            cand --azimuth 'Start azimuth in degrees, from the front towards the right [default: the view''s, else 0]'
            cand --elevation 'Camera elevation above the horizon, in degrees [default: the view''s, else 15]'
            cand --turns 'Turntable turns over the clip (negative: clockwise seen from above) [default: 1]'
            cand --orbit-sweep 'Orbit: total azimuth swing in degrees [default: 90]'
            cand --orbit-swing 'Orbit: elevation swing in degrees [default: 10]'
            cand --fov 'Vertical field of view in degrees [default: 35]'
            cand --margin 'Space around the model, as a fraction of its size [default: 0.1]'
            cand --style 'Surface style: hologram (rim glow, scanlines, bloom), shaded (lit reference look) or wireframe (glowing edges) [default: hologram]'
            cand --color 'Hologram colour (hex) [default: #00e5ff]'
            cand --look 'Look preset (classic, amber, matrix, mono) or a parameter as KEY=VALUE (color, rim-power, rim-strength, rim-whiten, fill, fill-opacity, scanline-density, scanline-strength, scanline-speed, scanline-space, flicker, flicker-rate, glitch, glitch-rate, glitch-split, glitch-spike, glitch-jitter, seed, xray, bloom, bloom-threshold, bloom-radius, bloom-halo, bloom-halo-radius, wire-width, wire-angle, wire-brightness, wire-over-hologram, wire-hidden, edge-glow, edge-angle, detail); repeatable'
            cand --layout 'Display layout: single (one view), quilt (Looking Glass), pyramid (Pepper''s ghost), fan (LED fan) or sheet (front, right, top and isometric views in a 2×2 contact sheet) [default: single]'
            cand --device 'Display preset (sets the layout too): quilts: go, portrait, 16-landscape, 16-portrait, 32-landscape, 32-portrait, 65; pyramids: phone, tablet, monitor; fans: fan-1024, fan-720'
            cand --quilt 'Quilt views as COLSxROWS [default: the device''s]'
            cand --view-cone 'Quilt: angle from the leftmost to the rightmost view, in degrees [default: 40]'
            cand --quilt-aspect 'Quilt: the display''s width / height [default: the device''s]'
            cand --pyramid 'Pyramid mounting: outward (views'' tops point away from the centre) or inward [default: outward]'
            cand --pyramid-gap 'Pyramid: share of the canvas side left black in the centre, 1/3 to 0.9 [default: 1/3]'
            cand --pyramid-mirror 'Pyramid: mirror each view so that its reflection in the pane reads the right way round; false for displays that mirror the picture themselves [default: true]'
            cand --sheet-labels 'Sheet: write each view''s name in its corner [default: true]'
            cand --background 'Background: transparent or a hex colour [default: transparent for alpha formats, black otherwise]'
            cand --up 'Up axis of the model file: auto (glTF/FBX/OBJ/PLY Y-up, STL/3MF Z-up), y or z [default: auto]'
            cand --animation 'glTF animation to play, by name or index [default: the first]; without --duration, one play of the clip is rendered'
            cand --animation-speed 'Animation speed factor (2 = twice as fast) [default: 1]'
            cand --animation-end 'After the clip ends: loop, or clamp (hold the last pose) [default: loop]'
            cand --poster-frame 'The frame of the poster (implies --poster) [default: the first rendered]'
            cand --aa 'Anti-aliasing of edges: msaa (4× multisampling, the default), fxaa (edge smoothing in the final pass, cheap on CPU drivers) or none (aliased edges) [default: msaa]'
            cand --msaa 'Multisample anti-aliasing, the older spelling of --aa: 4 is --aa msaa, 1 is --aa none'
            cand --adapter 'Use the GPU adapter whose description contains this text, e.g. nvidia, llvmpipe, vulkan, gl (the adapter in use is shown when a render starts)'
            cand --ffmpeg 'The ffmpeg executable [default: $HOLOFORGE_FFMPEG, ffmpeg on PATH, then a pip-installed imageio-ffmpeg]'
            cand --progress 'Frame progress: auto (a bar on a terminal, else a line every 5 s or 10 %), bar, lines, none'
            cand --shard 'Run only shard K of N (1-based): jobs K, K+N, K+2N, … — for render farms'
            cand --orbit-loop 'Orbit: a full turn while the elevation swings, instead of the back-and-forth sweep'
            cand --ortho 'Orthographic projection (no perspective)'
            cand --poster 'Also write `<output stem>.poster.jpg` beside the output: one frame as a thumbnail'
            cand --force 'Replace existing outputs: a file, or a frame folder holoforge wrote (never a folder of yours, never a file the model reads)'
            cand -q 'Print only warnings and errors'
            cand --quiet 'Print only warnings and errors'
            cand --json 'Write NDJSON events to stdout for scripts (the same schema as `run --json`)'
            cand --fail-fast 'Stop at the first failed job (by default the batch goes on)'
            cand --skip-existing 'Skip jobs whose outputs all exist (resume an interrupted batch)'
            cand --dry-run 'Validate and print the plan; render nothing'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'holoforge;validate'= {
            cand --json 'Print the plan as JSON'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'holoforge;encode'= {
            cand -f 'Output format [default: what -o''s extension names]'
            cand --format 'Output format [default: what -o''s extension names]'
            cand -o 'Output path [default: named after the folder]'
            cand --output 'Output path [default: named after the folder]'
            cand --fps 'Frames per second [default: frames.json''s, else 30]'
            cand --background 'Background for opaque formats (hex) [default: black]'
            cand --quality 'Encoding quality (each format''s meaning: `holoforge formats`) [default: high]'
            cand --crf 'Constant rate factor (or the format''s quality number), overriding --quality'
            cand --encoder-preset 'Encoder speed preset, e.g. x264''s ultrafast … veryslow, VP9''s -cpu-used 0..8'
            cand --ffmpeg 'The ffmpeg executable [default: $HOLOFORGE_FFMPEG, ffmpeg on PATH, then a pip-installed imageio-ffmpeg]'
            cand --progress 'Frame progress: auto (a bar on a terminal, else a line every 5 s or 10 %), bar, lines, none'
            cand --force 'Replace existing outputs: a file, or a frame folder holoforge wrote (never a folder of yours, never a file the model reads)'
            cand -q 'Print only warnings and errors'
            cand --quiet 'Print only warnings and errors'
            cand --json 'Write NDJSON events to stdout for scripts (the same schema as `run --json`)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'holoforge;inspect'= {
            cand --up 'Up axis of the model file: auto (glTF/FBX/OBJ/PLY Y-up, STL/3MF Z-up), y or z'
            cand --json 'Print JSON for scripts instead of text'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'holoforge;formats'= {
            cand --json 'Print JSON for scripts instead of text'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'holoforge;doctor'= {
            cand --ffmpeg 'The ffmpeg executable to check [default: as for render]'
            cand --json 'Print JSON for scripts instead of text'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'holoforge;bench'= {
            cand -o 'Output file, folder for frame sequences, or - for standard output (mp4 fragmented, webm, gif, rgba, one png); without -f its extension picks the format (.mp4, .mov, .gif, .webm, .webp, .png) [default: named after the model, in the current folder]'
            cand --output 'Output file, folder for frame sequences, or - for standard output (mp4 fragmented, webm, gif, rgba, one png); without -f its extension picks the format (.mp4, .mov, .gif, .webm, .webp, .png) [default: named after the model, in the current folder]'
            cand -f 'Output format (see `holoforge formats`) [default: mp4]'
            cand --format 'Output format (see `holoforge formats`) [default: mp4]'
            cand --quality 'Encoding quality (each format''s meaning: `holoforge formats`) [default: high]'
            cand --crf 'Constant rate factor (or the format''s quality number), overriding --quality'
            cand --encoder-preset 'Encoder speed preset, e.g. x264''s ultrafast … veryslow, VP9''s -cpu-used 0..8'
            cand -s 'Frame size: 480p, 720p, 1080p, 1440p, 4k, 8k (add -square or -vertical), or WxH [default: 1080p]'
            cand --size 'Frame size: 480p, 720p, 1080p, 1440p, 4k, 8k (add -square or -vertical), or WxH [default: 1080p]'
            cand --fps 'Frames per second [default: 30]'
            cand --duration 'Clip length in seconds: the clip is duration × fps frames, one turntable turn spans it [default: 6, or one play of the model''s animation]'
            cand --frames 'Number of frames to render from --start-frame; they must lie inside the clip [default: the rest of the clip]'
            cand --start-frame 'First frame to render (for render farms: a range equals that range of a full run) [default: 0]'
            cand --camera 'Camera motion: turntable (full turns around the model), orbit (a swing around the start view), still (the start view for every frame), path (a keyframed path, from a manifest''s [[job.path]] tables), file:NAME (a camera of the model file), or a named view for a still (front, back, right, left, top, bottom, angle45, isometric) [default: turntable, or path when the job has one]'
            cand --view 'Named view the motion starts from (front, back, right, left, top, bottom, angle45, isometric)'
            cand --azimuth 'Start azimuth in degrees, from the front towards the right [default: the view''s, else 0]'
            cand --elevation 'Camera elevation above the horizon, in degrees [default: the view''s, else 15]'
            cand --turns 'Turntable turns over the clip (negative: clockwise seen from above) [default: 1]'
            cand --orbit-sweep 'Orbit: total azimuth swing in degrees [default: 90]'
            cand --orbit-swing 'Orbit: elevation swing in degrees [default: 10]'
            cand --fov 'Vertical field of view in degrees [default: 35]'
            cand --margin 'Space around the model, as a fraction of its size [default: 0.1]'
            cand --style 'Surface style: hologram (rim glow, scanlines, bloom), shaded (lit reference look) or wireframe (glowing edges) [default: hologram]'
            cand --color 'Hologram colour (hex) [default: #00e5ff]'
            cand --look 'Look preset (classic, amber, matrix, mono) or a parameter as KEY=VALUE (color, rim-power, rim-strength, rim-whiten, fill, fill-opacity, scanline-density, scanline-strength, scanline-speed, scanline-space, flicker, flicker-rate, glitch, glitch-rate, glitch-split, glitch-spike, glitch-jitter, seed, xray, bloom, bloom-threshold, bloom-radius, bloom-halo, bloom-halo-radius, wire-width, wire-angle, wire-brightness, wire-over-hologram, wire-hidden, edge-glow, edge-angle, detail); repeatable'
            cand --layout 'Display layout: single (one view), quilt (Looking Glass), pyramid (Pepper''s ghost), fan (LED fan) or sheet (front, right, top and isometric views in a 2×2 contact sheet) [default: single]'
            cand --device 'Display preset (sets the layout too): quilts: go, portrait, 16-landscape, 16-portrait, 32-landscape, 32-portrait, 65; pyramids: phone, tablet, monitor; fans: fan-1024, fan-720'
            cand --quilt 'Quilt views as COLSxROWS [default: the device''s]'
            cand --view-cone 'Quilt: angle from the leftmost to the rightmost view, in degrees [default: 40]'
            cand --quilt-aspect 'Quilt: the display''s width / height [default: the device''s]'
            cand --pyramid 'Pyramid mounting: outward (views'' tops point away from the centre) or inward [default: outward]'
            cand --pyramid-gap 'Pyramid: share of the canvas side left black in the centre, 1/3 to 0.9 [default: 1/3]'
            cand --pyramid-mirror 'Pyramid: mirror each view so that its reflection in the pane reads the right way round; false for displays that mirror the picture themselves [default: true]'
            cand --sheet-labels 'Sheet: write each view''s name in its corner [default: true]'
            cand --background 'Background: transparent or a hex colour [default: transparent for alpha formats, black otherwise]'
            cand --up 'Up axis of the model file: auto (glTF/FBX/OBJ/PLY Y-up, STL/3MF Z-up), y or z [default: auto]'
            cand --animation 'glTF animation to play, by name or index [default: the first]; without --duration, one play of the clip is rendered'
            cand --animation-speed 'Animation speed factor (2 = twice as fast) [default: 1]'
            cand --animation-end 'After the clip ends: loop, or clamp (hold the last pose) [default: loop]'
            cand --poster-frame 'The frame of the poster (implies --poster) [default: the first rendered]'
            cand --aa 'Anti-aliasing of edges: msaa (4× multisampling, the default), fxaa (edge smoothing in the final pass, cheap on CPU drivers) or none (aliased edges) [default: msaa]'
            cand --msaa 'Multisample anti-aliasing, the older spelling of --aa: 4 is --aa msaa, 1 is --aa none'
            cand --adapter 'Use the GPU adapter whose description contains this text, e.g. nvidia, llvmpipe, vulkan, gl (the adapter in use is shown when a render starts)'
            cand --ffmpeg 'The ffmpeg executable [default: $HOLOFORGE_FFMPEG, ffmpeg on PATH, then a pip-installed imageio-ffmpeg]'
            cand --progress 'Frame progress: auto (a bar on a terminal, else a line every 5 s or 10 %), bar, lines, none'
            cand --orbit-loop 'Orbit: a full turn while the elevation swings, instead of the back-and-forth sweep'
            cand --ortho 'Orthographic projection (no perspective)'
            cand --poster 'Also write `<output stem>.poster.jpg` beside the output: one frame as a thumbnail'
            cand --force 'Replace existing outputs: a file, or a frame folder holoforge wrote (never a folder of yours, never a file the model reads)'
            cand -q 'Print only warnings and errors'
            cand --quiet 'Print only warnings and errors'
            cand --json 'Write NDJSON events to stdout for scripts (the same schema as `run --json`)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'holoforge;completions'= {
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'holoforge;man'= {
            cand --force 'Replace pages that exist in DIR'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'holoforge;generate-docs'= {
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'holoforge;help'= {
            cand render 'Render models into hologram videos or frame sequences (one output per model)'
            cand demo 'Render the built-in demo model: works with no input file'
            cand run 'Render every job of a TOML manifest (command-line options override it)'
            cand validate 'Check a manifest and print the resolved plan; nothing is rendered'
            cand encode 'Turn a PNG or RGBA frame sequence (e.g. assembled from farm shards) into any format'
            cand inspect 'Show what the loader understood of a model: triangles, bounds, materials, animations'
            cand formats 'List the export formats'
            cand doctor 'Check this machine: GPU adapters and limits, ffmpeg and its encoders, formats available here'
            cand bench 'Time each stage of a frame (pre-pass, surfaces, edges, bloom, encode, readback) and the sinks on this machine''s adapter, for one model and the render options given; writes nothing'
            cand completions 'Print the completion script for a shell (bash, zsh, fish, powershell, elvish)'
            cand man 'Write the man pages into the man tree DIR (man1/holoforge.1, man1/holoforge-render.1, …, man5/holoforge-manifest.5), or print holoforge(1)'
            cand generate-docs 'Write the man pages and shell completions under DIR (for packagers)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'holoforge;help;render'= {
        }
        &'holoforge;help;demo'= {
        }
        &'holoforge;help;run'= {
        }
        &'holoforge;help;validate'= {
        }
        &'holoforge;help;encode'= {
        }
        &'holoforge;help;inspect'= {
        }
        &'holoforge;help;formats'= {
        }
        &'holoforge;help;doctor'= {
        }
        &'holoforge;help;bench'= {
        }
        &'holoforge;help;completions'= {
        }
        &'holoforge;help;man'= {
        }
        &'holoforge;help;generate-docs'= {
        }
        &'holoforge;help;help'= {
        }
    ]
    $completions[$command]
}
