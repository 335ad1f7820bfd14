#ifndef CLOSER_CNCURSESW_SHIM_H
#define CLOSER_CNCURSESW_SHIM_H
// Wide-character ncurses. SwiftPM drops the -D flags from the .pc file, so define them here.
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <ncursesw/curses.h>

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
#endif
