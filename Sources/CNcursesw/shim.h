#ifndef CLOSER_CNCURSESW_SHIM_H
#define CLOSER_CNCURSESW_SHIM_H
// Wide-character ncurses. SwiftPM drops the -D flags from the .pc file, so define them here.
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <ncursesw/curses.h>
#include <string.h>

// Swift cannot read mutable C globals or expand function-like macros: accessors instead.
static inline int closer_color_pair(int n) { return (int)COLOR_PAIR(n); }
static inline int closer_colors(void) { return COLORS; }
static inline int closer_color_pairs(void) { return COLOR_PAIRS; }
static inline unsigned int closer_a_bold(void) { return A_BOLD; }
static inline unsigned int closer_a_underline(void) { return A_UNDERLINE; }
static inline unsigned int closer_a_reverse(void) { return A_REVERSE; }
static inline unsigned int closer_a_dim(void) { return A_DIM; }
static inline unsigned int closer_a_italic(void) { return A_ITALIC; }
static inline unsigned int closer_a_normal(void) { return A_NORMAL; }
static inline int closer_key_resize(void) { return KEY_RESIZE; }
static inline int closer_key_mouse(void) { return KEY_MOUSE; }
static inline int closer_key_f(int n) { return KEY_F(n); }

// Mouse masks are function-like macros.
static inline unsigned long closer_button_pressed(int button) {
    switch (button) {
    case 1: return BUTTON1_PRESSED;
    case 2: return BUTTON2_PRESSED;
    case 3: return BUTTON3_PRESSED;
    case 4: return BUTTON4_PRESSED;
    default: return BUTTON5_PRESSED;
    }
}
static inline unsigned long closer_button_clicked(int button) {
    switch (button) {
    case 1: return BUTTON1_CLICKED;
    case 2: return BUTTON2_CLICKED;
    default: return BUTTON3_CLICKED;
    }
}
static inline unsigned long closer_button_double_clicked(int button) {
    switch (button) {
    case 1: return BUTTON1_DOUBLE_CLICKED;
    case 2: return BUTTON2_DOUBLE_CLICKED;
    default: return BUTTON3_DOUBLE_CLICKED;
    }
}
static inline unsigned long closer_button_shift(void) { return BUTTON_SHIFT; }
static inline unsigned long closer_button_ctrl(void) { return BUTTON_CTRL; }
static inline unsigned long closer_button_alt(void) { return BUTTON_ALT; }

// Globals Swift 6 may not read.
static inline WINDOW *closer_stdscr(void) { return stdscr; }
static inline WINDOW *closer_curscr(void) { return curscr; }
static inline int closer_lines(void) { return LINES; }
static inline int closer_cols(void) { return COLS; }

// Swift's Glibc module hides wcwidth.
extern int wcwidth(wchar_t);
static inline int closer_wcwidth(unsigned int c) { return wcwidth((wchar_t)c); }

// Signals: the handler only records the signal number; curses is restored outside it.
#include <signal.h>
#include <string.h>
#include <stdlib.h>
static volatile sig_atomic_t closer_signal_received = 0;
static inline void closer_on_signal(int sig) { closer_signal_received = sig; }
static inline void closer_install_signal_handlers(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = closer_on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
}
static inline int closer_take_signal(void) {
    int sig = closer_signal_received;
    closer_signal_received = 0;
    return sig;
}
static inline void closer_raise(int sig) { closer_signal_received = sig; }
// Ctrl-C typed while another program had the terminal was meant for that program.
static inline void closer_discard_interrupt(void) {
    if (closer_signal_received == SIGINT) closer_signal_received = 0;
}

// Stops the process as the shell's job control expects (after endwin), then returns on SIGCONT.
static inline void closer_stop_self(void) {
    struct sigaction dfl, old;
    memset(&dfl, 0, sizeof dfl);
    dfl.sa_handler = SIG_DFL;
    sigemptyset(&dfl.sa_mask);
    sigaction(SIGTSTP, &dfl, &old);
    sigset_t set, oldset;
    sigemptyset(&set);
    sigaddset(&set, SIGTSTP);
    sigprocmask(SIG_UNBLOCK, &set, &oldset);
    raise(SIGTSTP);
    sigprocmask(SIG_SETMASK, &oldset, NULL);
    sigaction(SIGTSTP, &old, NULL);
}

// Last resort: if the process exits while curses owns the terminal, give it back.
static int closer_curses_active = 0;
static inline void closer_atexit_restore(void) {
    if (closer_curses_active) { closer_curses_active = 0; endwin(); }
}
static inline void closer_set_curses_active(int active) {
    static int registered = 0;
    if (!registered) { registered = 1; atexit(closer_atexit_restore); }
    closer_curses_active = active;
}

// Crash path (SIGSEGV, SIGILL from a Swift trap, SIGABRT...): curses cannot be called, so put
// back the tty modes saved at start-up and switch off what we switched on, with async-signal-safe
// calls only, then let the previous handler (e.g. Swift's backtracer) or the default action run.
#include <termios.h>
#include <unistd.h>
// (Function-local statics: Swift emits them with the function; file-scope struct statics it drops.)
static inline struct termios *closer_saved_termios(void) { static struct termios saved; return &saved; }
static inline struct sigaction *closer_previous_crash_actions(void) { static struct sigaction actions[32]; return actions; }
static int closer_saved_termios_valid = 0;
static int closer_tty_in = -1;
static int closer_tty_out = -1;
static inline void closer_save_terminal_state(int in_fd, int out_fd) {
    closer_tty_in = in_fd;
    closer_tty_out = out_fd;
    closer_saved_termios_valid = tcgetattr(in_fd, closer_saved_termios()) == 0;
}
static inline void closer_on_crash(int sig) {
    if (closer_curses_active) {
        static const char reset[] = "\033[?2004l\033[?1006l\033[?1000l\033[0m\033[?25h\033[?1049l\r\n";
        if (closer_tty_out >= 0) { ssize_t ignored = write(closer_tty_out, reset, sizeof reset - 1); (void)ignored; }
        if (closer_saved_termios_valid) tcsetattr(closer_tty_in, TCSANOW, closer_saved_termios());
        closer_curses_active = 0;
    }
    if (sig > 0 && sig < 32) sigaction(sig, &closer_previous_crash_actions()[sig], NULL);
    raise(sig);
}
static inline void closer_install_crash_handlers(void) {
    static const int signals[] = { SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE };
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = closer_on_crash;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESETHAND;
    for (unsigned i = 0; i < sizeof signals / sizeof signals[0]; i++) {
        sigaction(signals[i], &sa, &closer_previous_crash_actions()[signals[i]]);
    }
}

// Attribute resets without the character-set reset (xterm's `\E(B` before every sgr0/sgr, screen's
// and vt100's SI after it): Closer never switches to the line-drawing set (it draws Unicode), so
// that reset is 3 bytes (1 under screen) of nothing per attribute switch. The strings are
// shortened in place in the loaded terminal description (only made shorter, so in place is safe).
// Returns 1 if `\E(B` was removed, 2 if SI was, both or'ed: the caller sends them once itself.
static inline int closer_remove_substring(char *text, const char *part) {
    char *at = text ? strstr(text, part) : NULL;
    if (!at) return 0;
    size_t n = strlen(part);
    memmove(at, at + n, strlen(at + n) + 1);
    return 1;
}
static inline int closer_trim_charset_resets(void) {
    char *sgr0 = tigetstr("sgr0");
    char *sgr = tigetstr("sgr");
    if (sgr0 == (char *)-1) sgr0 = NULL;
    if (sgr == (char *)-1) sgr = NULL;
    int removed = 0;
    if (closer_remove_substring(sgr, "%?%p9%t\033(0%e\033(B%;")) removed |= 1;
    if (closer_remove_substring(sgr, "%?%p9%t\016%e\017%;")) removed |= 2;
    if (closer_remove_substring(sgr0, "\033(B")) removed |= 1;
    if (closer_remove_substring(sgr0, "\017")) removed |= 2;
    return removed;
}

// Extended colour pairs go through the opts pointer of wattr_set (the short argument is ignored then).
static inline int closer_wattr_set(WINDOW *win, attr_t attrs, int pair) {
    return wattr_set(win, attrs, (NCURSES_PAIRS_T)pair, &pair);
}

// Extended colour pairs go through the opts pointer of setcchar.
static inline int closer_setcchar(cchar_t *cell, const wchar_t *text, attr_t attrs, int pair) {
    return setcchar(cell, text, attrs, 0, &pair);
}
#endif
