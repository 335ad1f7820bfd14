/// The shipped `keymaps/default.keys`, compiled in so the app works without its files.
/// A test keeps it identical to the file.
enum BuiltinKeymap {
    static let defaultKeys = """
# Closer default keys: arrows plus vi-ish movement.
#   bind CONTEXTS KEY [KEY...] ACTION     contexts: global leads detail calendar conversation
#                                         dashboard form help prompt
#   unbind CONTEXTS KEY [KEY...]
#   include FILE
# Keys are looked up in the focused pane's context first, then in global.
# Press ? in Closer for every action and the keys bound to it.

# Everywhere
bind global ? help
bind global <F1> help
bind global : command-line
bind global q quit
bind global <C-c> quit
bind global <Esc> back
bind global <Tab> focus-next-pane
bind global <C-r> sync-now
bind global <C-l> redraw
bind global <C-z> suspend

# Panes: the digits of the tab bar
bind global 1 open-leads
bind global 2 open-calendar
bind global 3 open-conversation
bind global 4 open-dashboard

# Movement in the list, the detail, the other panes and the help screen
bind leads,detail,calendar,conversation,dashboard,help j cursor-down
bind leads,detail,calendar,conversation,dashboard,help <Down> cursor-down
bind leads,detail,calendar,conversation,dashboard,help k cursor-up
bind leads,detail,calendar,conversation,dashboard,help <Up> cursor-up
bind leads,detail,calendar,conversation,dashboard,help <PageDown> page-down
bind leads,detail,calendar,conversation,dashboard,help <C-f> page-down
bind leads,detail,calendar,conversation,dashboard,help <PageUp> page-up
bind leads,detail,calendar,conversation,dashboard,help <C-b> page-up
bind leads,detail,calendar,conversation,dashboard,help <C-d> half-page-down
bind leads,detail,calendar,conversation,dashboard,help <C-u> half-page-up
bind leads,detail,calendar,conversation,dashboard,help g g cursor-top
bind leads,detail,calendar,conversation,dashboard,help <Home> cursor-top
bind leads,detail,calendar,conversation,dashboard,help G cursor-bottom
bind leads,detail,calendar,conversation,dashboard,help <End> cursor-bottom
bind leads,detail,calendar,conversation,dashboard,help <C-e> scroll-down
bind leads,detail,calendar,conversation,dashboard,help <C-y> scroll-up
bind leads,help / search
bind leads,help n search-next
bind leads,help N search-previous

# Lead list
bind leads <Enter> open-detail
bind leads l open-detail
bind leads <Right> open-detail
bind leads <Space> toggle-mark
bind leads * mark-all
bind leads U clear-marks
bind leads f s filter-status
bind leads f S filter-source
bind leads f o filter-owner
bind leads f p filter-pending
bind leads f u filter-unread
bind leads f r filter-rejected
bind leads F clear-filters
bind leads o sort-next
bind leads O sort-reverse
bind leads v s view-save
bind leads v l view-load

# Lead list and detail
bind leads,detail s set-status
bind leads,detail a assign
bind leads,detail d delete
bind leads,detail e edit-lead
bind leads,detail c new-lead
bind leads,detail i add-note
bind leads,detail I add-note-editor
bind leads,detail y e copy-email
bind leads,detail y p copy-phone

# Lead detail
bind detail h close-detail
bind detail q close-detail
bind detail <Left> close-detail
bind detail <Enter> edit-field
bind detail x fix-rejected
bind detail X discard-rejected

# Dashboard
bind dashboard <Enter> drill-down
bind dashboard h cursor-left
bind dashboard <Left> cursor-left
bind dashboard l cursor-right
bind dashboard <Right> cursor-right
bind dashboard <Tab> next-block
bind dashboard <BackTab> previous-block
bind dashboard p cycle-period
bind dashboard f o filter-owner
bind dashboard F clear-filters

# Forms (printable keys not bound here are typed into the field)
bind form <Tab> next-field
bind form <Down> next-field
bind form <Enter> next-field
bind form <BackTab> previous-field
bind form <Up> previous-field
bind form <C-s> save
bind form <F2> save
bind form <Esc> cancel
bind form <C-g> discard-form
bind form <C-c> cancel
bind form <C-o> pick-choice
bind form <F4> pick-choice

# Prompts and the : command line
bind prompt <Enter> submit
bind prompt <Esc> cancel
bind prompt <C-g> cancel
bind prompt <C-c> cancel
bind prompt <Tab> complete
bind prompt <Up> cursor-up
bind prompt <Down> cursor-down

# Help screen
bind help q cancel
bind help <Esc> cancel

# Calendar (v views · h/l days · [/] weeks, months in the month view · t today · :date DATE)
bind calendar v calendar-next-view
bind calendar l next-day
bind calendar <Right> next-day
bind calendar h previous-day
bind calendar <Left> previous-day
bind calendar ] next-period
bind calendar [ previous-period
bind calendar t go-today
bind calendar <Enter> open-detail
bind calendar a new-appointment
bind calendar e edit-appointment
bind calendar s set-status
bind calendar d delete
bind calendar x fix-rejected
bind calendar X discard-rejected
bind calendar f o filter-owner
bind calendar f s filter-status
# Calendar: J/K hour by hour in the day and week views (j/k go through every appointment)
bind calendar J scroll-down
bind calendar K scroll-up
bind detail A new-appointment
# Conversation pane
bind conversation r reply
bind conversation T send-template
bind conversation F send-file
bind conversation E send-email
bind conversation <Enter> toggle-fold
bind conversation R retry-send
bind conversation X discard-send
bind conversation / search
bind conversation n search-next
bind conversation N search-previous
"""
}
