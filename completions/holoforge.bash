_holoforge() {
    local i cur prev opts cmd
    COMPREPLY=()
    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
        cur="$2"
    else
        cur="${COMP_WORDS[COMP_CWORD]}"
    fi
    prev="$3"
    cmd=""
    opts=""

    for i in "${COMP_WORDS[@]:0:COMP_CWORD}"
    do
        case "${cmd},${i}" in
            ",$1")
                cmd="holoforge"
                ;;
            holoforge,bench)
                cmd="holoforge__subcmd__bench"
                ;;
            holoforge,completions)
                cmd="holoforge__subcmd__completions"
                ;;
            holoforge,demo)
                cmd="holoforge__subcmd__demo"
                ;;
            holoforge,doctor)
                cmd="holoforge__subcmd__doctor"
                ;;
            holoforge,encode)
                cmd="holoforge__subcmd__encode"
                ;;
            holoforge,formats)
                cmd="holoforge__subcmd__formats"
                ;;
            holoforge,generate-docs)
                cmd="holoforge__subcmd__generate__subcmd__docs"
                ;;
            holoforge,help)
                cmd="holoforge__subcmd__help"
                ;;
            holoforge,inspect)
                cmd="holoforge__subcmd__inspect"
                ;;
            holoforge,man)
                cmd="holoforge__subcmd__man"
                ;;
            holoforge,render)
                cmd="holoforge__subcmd__render"
                ;;
            holoforge,run)
                cmd="holoforge__subcmd__run"
                ;;
            holoforge,validate)
                cmd="holoforge__subcmd__validate"
                ;;
            holoforge__subcmd__help,bench)
                cmd="holoforge__subcmd__help__subcmd__bench"
                ;;
            holoforge__subcmd__help,completions)
                cmd="holoforge__subcmd__help__subcmd__completions"
                ;;
            holoforge__subcmd__help,demo)
                cmd="holoforge__subcmd__help__subcmd__demo"
                ;;
            holoforge__subcmd__help,doctor)
                cmd="holoforge__subcmd__help__subcmd__doctor"
                ;;
            holoforge__subcmd__help,encode)
                cmd="holoforge__subcmd__help__subcmd__encode"
                ;;
            holoforge__subcmd__help,formats)
                cmd="holoforge__subcmd__help__subcmd__formats"
                ;;
            holoforge__subcmd__help,generate-docs)
                cmd="holoforge__subcmd__help__subcmd__generate__subcmd__docs"
                ;;
            holoforge__subcmd__help,help)
                cmd="holoforge__subcmd__help__subcmd__help"
                ;;
            holoforge__subcmd__help,inspect)
                cmd="holoforge__subcmd__help__subcmd__inspect"
                ;;
            holoforge__subcmd__help,man)
                cmd="holoforge__subcmd__help__subcmd__man"
                ;;
            holoforge__subcmd__help,render)
                cmd="holoforge__subcmd__help__subcmd__render"
                ;;
            holoforge__subcmd__help,run)
                cmd="holoforge__subcmd__help__subcmd__run"
                ;;
            holoforge__subcmd__help,validate)
                cmd="holoforge__subcmd__help__subcmd__validate"
                ;;
            *)
                ;;
        esac
    done

    case "${cmd}" in
        holoforge)
            opts="-h -V --help --version render demo run validate encode inspect formats doctor bench completions man generate-docs help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 1 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        holoforge__subcmd__bench)
            opts="-o -f -s -q -h --output --format --quality --crf --encoder-preset --size --fps --duration --frames --start-frame --camera --view --azimuth --elevation --turns --orbit-sweep --orbit-swing --orbit-loop --ortho --fov --margin --style --color --look --layout --device --quilt --view-cone --quilt-aspect --pyramid --pyramid-gap --pyramid-mirror --sheet-labels --background --up --animation --animation-speed --animation-end --poster --poster-frame --aa --msaa --adapter --ffmpeg --force --quiet --progress --json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --output)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "png jpeg rgba mp4 mp4-hevc gif webm webm-alpha prores webp apng stacked-alpha" -- "${cur}"))
                    return 0
                    ;;
                -f)
                    COMPREPLY=($(compgen -W "png jpeg rgba mp4 mp4-hevc gif webm webm-alpha prores webp apng stacked-alpha" -- "${cur}"))
                    return 0
                    ;;
                --quality)
                    COMPREPLY=($(compgen -W "low medium high ultra" -- "${cur}"))
                    return 0
                    ;;
                --crf)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --encoder-preset)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --size)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -s)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --fps)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --duration)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --frames)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --start-frame)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --camera)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --view)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --azimuth)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --elevation)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --turns)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --orbit-sweep)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --orbit-swing)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --fov)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --margin)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --style)
                    COMPREPLY=($(compgen -W "hologram shaded wireframe" -- "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --look)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --layout)
                    COMPREPLY=($(compgen -W "single quilt pyramid fan sheet" -- "${cur}"))
                    return 0
                    ;;
                --device)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --quilt)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --view-cone)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --quilt-aspect)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --pyramid)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --pyramid-gap)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --pyramid-mirror)
                    COMPREPLY=($(compgen -W "true false" -- "${cur}"))
                    return 0
                    ;;
                --sheet-labels)
                    COMPREPLY=($(compgen -W "true false" -- "${cur}"))
                    return 0
                    ;;
                --background)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --up)
                    COMPREPLY=($(compgen -W "auto y z" -- "${cur}"))
                    return 0
                    ;;
                --animation)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --animation-speed)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --animation-end)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --poster-frame)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --aa)
                    COMPREPLY=($(compgen -W "msaa fxaa none" -- "${cur}"))
                    return 0
                    ;;
                --msaa)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --adapter)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ffmpeg)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --progress)
                    COMPREPLY=($(compgen -W "auto bar lines none" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        holoforge__subcmd__completions)
            opts="-h --help bash elvish fish powershell zsh"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        holoforge__subcmd__demo)
            opts="-o -f -s -q -h --output --format --quality --crf --encoder-preset --size --fps --duration --frames --start-frame --camera --view --azimuth --elevation --turns --orbit-sweep --orbit-swing --orbit-loop --ortho --fov --margin --style --color --look --layout --device --quilt --view-cone --quilt-aspect --pyramid --pyramid-gap --pyramid-mirror --sheet-labels --background --up --animation --animation-speed --animation-end --poster --poster-frame --aa --msaa --adapter --ffmpeg --force --quiet --progress --json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --output)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "png jpeg rgba mp4 mp4-hevc gif webm webm-alpha prores webp apng stacked-alpha" -- "${cur}"))
                    return 0
                    ;;
                -f)
                    COMPREPLY=($(compgen -W "png jpeg rgba mp4 mp4-hevc gif webm webm-alpha prores webp apng stacked-alpha" -- "${cur}"))
                    return 0
                    ;;
                --quality)
                    COMPREPLY=($(compgen -W "low medium high ultra" -- "${cur}"))
                    return 0
                    ;;
                --crf)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --encoder-preset)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --size)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -s)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --fps)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --duration)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --frames)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --start-frame)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --camera)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --view)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --azimuth)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --elevation)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --turns)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --orbit-sweep)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --orbit-swing)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --fov)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --margin)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --style)
                    COMPREPLY=($(compgen -W "hologram shaded wireframe" -- "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --look)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --layout)
                    COMPREPLY=($(compgen -W "single quilt pyramid fan sheet" -- "${cur}"))
                    return 0
                    ;;
                --device)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --quilt)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --view-cone)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --quilt-aspect)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --pyramid)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --pyramid-gap)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --pyramid-mirror)
                    COMPREPLY=($(compgen -W "true false" -- "${cur}"))
                    return 0
                    ;;
                --sheet-labels)
                    COMPREPLY=($(compgen -W "true false" -- "${cur}"))
                    return 0
                    ;;
                --background)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --up)
                    COMPREPLY=($(compgen -W "auto y z" -- "${cur}"))
                    return 0
                    ;;
                --animation)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --animation-speed)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --animation-end)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --poster-frame)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --aa)
                    COMPREPLY=($(compgen -W "msaa fxaa none" -- "${cur}"))
                    return 0
                    ;;
                --msaa)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --adapter)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ffmpeg)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --progress)
                    COMPREPLY=($(compgen -W "auto bar lines none" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        holoforge__subcmd__doctor)
            opts="-h --ffmpeg --json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --ffmpeg)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        holoforge__subcmd__encode)
            opts="-f -o -q -h --format --output --fps --background --quality --crf --encoder-preset --ffmpeg --force --quiet --progress --json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --format)
                    COMPREPLY=($(compgen -W "png jpeg rgba mp4 mp4-hevc gif webm webm-alpha prores webp apng stacked-alpha" -- "${cur}"))
                    return 0
                    ;;
                -f)
                    COMPREPLY=($(compgen -W "png jpeg rgba mp4 mp4-hevc gif webm webm-alpha prores webp apng stacked-alpha" -- "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --fps)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --background)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --quality)
                    COMPREPLY=($(compgen -W "low medium high ultra" -- "${cur}"))
                    return 0
                    ;;
                --crf)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --encoder-preset)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ffmpeg)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --progress)
                    COMPREPLY=($(compgen -W "auto bar lines none" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        holoforge__subcmd__formats)
            opts="-h --json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        holoforge__subcmd__generate__subcmd__docs)
            opts="-h --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        holoforge__subcmd__help)
            opts="render demo run validate encode inspect formats doctor bench completions man generate-docs help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        holoforge__subcmd__help__subcmd__bench)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        holoforge__subcmd__help__subcmd__completions)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        holoforge__subcmd__help__subcmd__demo)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        holoforge__subcmd__help__subcmd__doctor)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        holoforge__subcmd__help__subcmd__encode)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        holoforge__subcmd__help__subcmd__formats)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        holoforge__subcmd__help__subcmd__generate__subcmd__docs)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        holoforge__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        holoforge__subcmd__help__subcmd__inspect)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        holoforge__subcmd__help__subcmd__man)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        holoforge__subcmd__help__subcmd__render)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        holoforge__subcmd__help__subcmd__run)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        holoforge__subcmd__help__subcmd__validate)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        holoforge__subcmd__inspect)
            opts="-h --up --json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --up)
                    COMPREPLY=($(compgen -W "auto y z" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        holoforge__subcmd__man)
            opts="-h --force --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        holoforge__subcmd__render)
            opts="-o -f -s -q -h --output --format --quality --crf --encoder-preset --size --fps --duration --frames --start-frame --camera --view --azimuth --elevation --turns --orbit-sweep --orbit-swing --orbit-loop --ortho --fov --margin --style --color --look --layout --device --quilt --view-cone --quilt-aspect --pyramid --pyramid-gap --pyramid-mirror --sheet-labels --background --up --animation --animation-speed --animation-end --poster --poster-frame --aa --msaa --adapter --ffmpeg --force --quiet --progress --json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --output)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "png jpeg rgba mp4 mp4-hevc gif webm webm-alpha prores webp apng stacked-alpha" -- "${cur}"))
                    return 0
                    ;;
                -f)
                    COMPREPLY=($(compgen -W "png jpeg rgba mp4 mp4-hevc gif webm webm-alpha prores webp apng stacked-alpha" -- "${cur}"))
                    return 0
                    ;;
                --quality)
                    COMPREPLY=($(compgen -W "low medium high ultra" -- "${cur}"))
                    return 0
                    ;;
                --crf)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --encoder-preset)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --size)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -s)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --fps)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --duration)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --frames)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --start-frame)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --camera)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --view)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --azimuth)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --elevation)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --turns)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --orbit-sweep)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --orbit-swing)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --fov)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --margin)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --style)
                    COMPREPLY=($(compgen -W "hologram shaded wireframe" -- "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --look)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --layout)
                    COMPREPLY=($(compgen -W "single quilt pyramid fan sheet" -- "${cur}"))
                    return 0
                    ;;
                --device)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --quilt)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --view-cone)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --quilt-aspect)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --pyramid)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --pyramid-gap)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --pyramid-mirror)
                    COMPREPLY=($(compgen -W "true false" -- "${cur}"))
                    return 0
                    ;;
                --sheet-labels)
                    COMPREPLY=($(compgen -W "true false" -- "${cur}"))
                    return 0
                    ;;
                --background)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --up)
                    COMPREPLY=($(compgen -W "auto y z" -- "${cur}"))
                    return 0
                    ;;
                --animation)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --animation-speed)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --animation-end)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --poster-frame)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --aa)
                    COMPREPLY=($(compgen -W "msaa fxaa none" -- "${cur}"))
                    return 0
                    ;;
                --msaa)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --adapter)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ffmpeg)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --progress)
                    COMPREPLY=($(compgen -W "auto bar lines none" -- "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        holoforge__subcmd__run)
            opts="-o -f -s -q -h --output --format --quality --crf --encoder-preset --size --fps --duration --frames --start-frame --camera --view --azimuth --elevation --turns --orbit-sweep --orbit-swing --orbit-loop --ortho --fov --margin --style --color --look --layout --device --quilt --view-cone --quilt-aspect --pyramid --pyramid-gap --pyramid-mirror --sheet-labels --background --up --animation --animation-speed --animation-end --poster --poster-frame --aa --msaa --adapter --ffmpeg --force --quiet --progress --json --fail-fast --skip-existing --dry-run --shard --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --output)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "png jpeg rgba mp4 mp4-hevc gif webm webm-alpha prores webp apng stacked-alpha" -- "${cur}"))
                    return 0
                    ;;
                -f)
                    COMPREPLY=($(compgen -W "png jpeg rgba mp4 mp4-hevc gif webm webm-alpha prores webp apng stacked-alpha" -- "${cur}"))
                    return 0
                    ;;
                --quality)
                    COMPREPLY=($(compgen -W "low medium high ultra" -- "${cur}"))
                    return 0
                    ;;
                --crf)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --encoder-preset)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --size)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -s)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --fps)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --duration)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --frames)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --start-frame)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --camera)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --view)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --azimuth)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --elevation)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --turns)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --orbit-sweep)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --orbit-swing)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --fov)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --margin)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --style)
                    COMPREPLY=($(compgen -W "hologram shaded wireframe" -- "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --look)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --layout)
                    COMPREPLY=($(compgen -W "single quilt pyramid fan sheet" -- "${cur}"))
                    return 0
                    ;;
                --device)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --quilt)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --view-cone)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --quilt-aspect)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --pyramid)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --pyramid-gap)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --pyramid-mirror)
                    COMPREPLY=($(compgen -W "true false" -- "${cur}"))
                    return 0
                    ;;
                --sheet-labels)
                    COMPREPLY=($(compgen -W "true false" -- "${cur}"))
                    return 0
                    ;;
                --background)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --up)
                    COMPREPLY=($(compgen -W "auto y z" -- "${cur}"))
                    return 0
                    ;;
                --animation)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --animation-speed)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --animation-end)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --poster-frame)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --aa)
                    COMPREPLY=($(compgen -W "msaa fxaa none" -- "${cur}"))
                    return 0
                    ;;
                --msaa)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --adapter)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ffmpeg)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --progress)
                    COMPREPLY=($(compgen -W "auto bar lines none" -- "${cur}"))
                    return 0
                    ;;
                --shard)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        holoforge__subcmd__validate)
            opts="-h --json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
    esac
}

if [[ "${BASH_VERSINFO[0]}" -eq 4 && "${BASH_VERSINFO[1]}" -ge 4 || "${BASH_VERSINFO[0]}" -gt 4 ]]; then
    complete -F _holoforge -o nosort -o bashdefault -o default holoforge
else
    complete -F _holoforge -o bashdefault -o default holoforge
fi
