/// The shipped `themes/default.theme`, compiled in so the app works without its files.
/// A test keeps it identical to the file.
enum BuiltinTheme {
    static let defaultTheme = """
# Closer default theme: the terminal's own background, colour for meaning.
#   color ELEMENT FG BG [bold|underline|reverse|dim|italic]...
# Colours: black red green yellow blue magenta cyan white, brightNAME, default, inherit, 0-255, #rrggbb.
# An element not listed takes its parent's style (list.selected -> list -> normal).

color normal            default default
# The title row and the selection cost few bytes per keystroke: the title is bold on the
# terminal's background and the position in it plain (a colour switch there was ~30 bytes per
# move); the selection is reverse video (a colour pair costs 18 bytes per move, reverse 9).
color title             default default bold
color title.position    inherit inherit
color tabs              cyan    default
color tabs.active       black   cyan    bold
color border            blue    default
color dim               default default dim

color list              default default
color list.header       cyan    default bold underline
color list.selected     default default reverse
color list.marked       yellow  default bold
color list.match        inherit inherit underline
# source and activity columns: plain, so a row switches colour once (its status); each dim
# column cost ~15 bytes per row drawn
color list.secondary    inherit inherit

color status            default default
color status.prospect   blue    default
color status.tentative  yellow  default
color status.potential  cyan    default
color status.closed     red     default
color status.contact    magenta default
color status.customer   green   default bold

color sync              default default
color sync.pending      yellow  default
color sync.rejected     red     default bold
color sync.conflict     magenta default bold

color detail            default default
color detail.heading    cyan    default bold
color detail.label      cyan    default
color detail.value      default default
color detail.error      red     default bold
color detail.conflict   magenta default

color form              default default
color form.label        cyan    default
color form.input        default default underline
color form.focused      black   cyan
color form.error        red     default bold

color statusbar         black   cyan
color statusbar.error   white   red     bold
color statusbar.message inherit inherit
color statusbar.pending inherit inherit bold
color statusbar.sync    inherit inherit

color prompt            default default
color prompt.input      default default
color prompt.selected   black   cyan
color dialog            default default
color dialog.title      cyan    default bold

color help              default default
color help.heading      cyan    default bold
color help.key          yellow  default bold
color help.selected     black   cyan

color command           default default
color command.completion default default dim
color command.selected  black   cyan

# calendar
color calendar            default default
color calendar.header     cyan    default bold
color calendar.today      black   yellow  bold
color calendar.now        yellow  default bold
color calendar.weekend    default default dim
color calendar.selected   black   cyan
color calendar.collision  white   red     bold
color calendar.pending    yellow  default
color calendar.rescheduled magenta default
color calendar.cancelled  default default dim
color calendar.fullfilled green   default
color calendar.confirmed  cyan    default bold
"""
}
