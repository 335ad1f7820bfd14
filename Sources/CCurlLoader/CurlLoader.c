// The curl entry points FoundationNetworking (URLSession on Linux) uses, as forwarders that open
// libcurl.so.4 on first use. Compiled in only when CLOSER_LAZY_CURL is defined (release builds on
// Linux, whose link line then leaves libcurl out; see Package.swift and DECISIONS.md "Start-up").
// Every argument is passed on unchanged; the variadic setopt/getinfo take exactly one argument
// after the option, a long, curl_off_t, pointer or function pointer: all one 64-bit integer
// register on the LP64 ABIs Swift on Linux supports, so it is read and passed on as a pointer.
#include "CurlLoader.h"

#if defined(CLOSER_LAZY_CURL) && defined(__linux__)
#include <dlfcn.h>
#include <pthread.h>
#include <stdarg.h>
#include <stddef.h>

#define CURL_FUNCTIONS(X) \
    X(int, curl_global_init, (long flags)) \
    X(void *, curl_easy_init, (void)) \
    X(void, curl_easy_cleanup, (void *handle)) \
    X(int, curl_easy_getinfo, (void *handle, int info, void *argument)) \
    X(int, curl_easy_pause, (void *handle, int bitmask)) \
    X(int, curl_easy_setopt, (void *handle, int option, void *argument)) \
    X(const char *, curl_easy_strerror, (int code)) \
    X(void, curl_free, (void *pointer)) \
    X(int, curl_multi_add_handle, (void *multi, void *easy)) \
    X(int, curl_multi_assign, (void *multi, int socket, void *pointer)) \
    X(int, curl_multi_cleanup, (void *multi)) \
    X(void *, curl_multi_info_read, (void *multi, int *queued)) \
    X(void *, curl_multi_init, (void)) \
    X(int, curl_multi_remove_handle, (void *multi, void *easy)) \
    X(int, curl_multi_setopt, (void *multi, int option, void *argument)) \
    X(int, curl_multi_socket_action, (void *multi, int socket, int events, int *running)) \
    X(void *, curl_slist_append, (void *list, const char *text)) \
    X(void, curl_slist_free_all, (void *list)) \
    X(void *, curl_url, (void)) \
    X(int, curl_url_get, (const void *url, int part, char **text, unsigned int flags)) \
    X(int, curl_url_set, (void *url, int part, const char *text, unsigned int flags)) \
    X(char *, curl_version, (void)) \
    X(void *, curl_version_info, (int age))

#define DECLARE_POINTER(result, name, parameters) static result (*real_##name) parameters;
CURL_FUNCTIONS(DECLARE_POINTER)

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static int loaded = 0;

static void load_curl(void) {
    void *library = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) return;
    int complete = 1;
#define RESOLVE(result, name, parameters) \
    real_##name = (result (*) parameters)dlsym(library, #name); \
    if (real_##name == NULL) complete = 0;
    CURL_FUNCTIONS(RESOLVE)
    loaded = complete;
}

static int ready(void) {
    pthread_once(&load_once, load_curl);
    return loaded;
}

// Failure values follow curl's: CURLE_FAILED_INIT (2), CURLM_INTERNAL_ERROR (4), CURLUE_OUT_OF_MEMORY (7).
int curl_global_init(long flags) { return ready() ? real_curl_global_init(flags) : 2; }
void *curl_easy_init(void) { return ready() ? real_curl_easy_init() : NULL; }
void curl_easy_cleanup(void *handle) { if (ready()) real_curl_easy_cleanup(handle); }
int curl_easy_getinfo(void *handle, int info, ...) {
    va_list list;
    va_start(list, info);
    void *argument = va_arg(list, void *);
    va_end(list);
    return ready() ? real_curl_easy_getinfo(handle, info, argument) : 2;
}
int curl_easy_pause(void *handle, int bitmask) { return ready() ? real_curl_easy_pause(handle, bitmask) : 2; }
int curl_easy_setopt(void *handle, int option, ...) {
    va_list list;
    va_start(list, option);
    void *argument = va_arg(list, void *);
    va_end(list);
    return ready() ? real_curl_easy_setopt(handle, option, argument) : 2;
}
const char *curl_easy_strerror(int code) { return ready() ? real_curl_easy_strerror(code) : "libcurl.so.4 is not installed"; }
void curl_free(void *pointer) { if (ready()) real_curl_free(pointer); }
int curl_multi_add_handle(void *multi, void *easy) { return ready() ? real_curl_multi_add_handle(multi, easy) : 4; }
int curl_multi_assign(void *multi, int socket, void *pointer) { return ready() ? real_curl_multi_assign(multi, socket, pointer) : 4; }
int curl_multi_cleanup(void *multi) { return ready() ? real_curl_multi_cleanup(multi) : 4; }
void *curl_multi_info_read(void *multi, int *queued) {
    if (ready()) return real_curl_multi_info_read(multi, queued);
    if (queued != NULL) *queued = 0;
    return NULL;
}
void *curl_multi_init(void) { return ready() ? real_curl_multi_init() : NULL; }
int curl_multi_remove_handle(void *multi, void *easy) { return ready() ? real_curl_multi_remove_handle(multi, easy) : 4; }
int curl_multi_setopt(void *multi, int option, ...) {
    va_list list;
    va_start(list, option);
    void *argument = va_arg(list, void *);
    va_end(list);
    return ready() ? real_curl_multi_setopt(multi, option, argument) : 4;
}
int curl_multi_socket_action(void *multi, int socket, int events, int *running) {
    return ready() ? real_curl_multi_socket_action(multi, socket, events, running) : 4;
}
void *curl_slist_append(void *list, const char *text) { return ready() ? real_curl_slist_append(list, text) : NULL; }
void curl_slist_free_all(void *list) { if (ready()) real_curl_slist_free_all(list); }
void *curl_url(void) { return ready() ? real_curl_url() : NULL; }
int curl_url_get(const void *url, int part, char **text, unsigned int flags) { return ready() ? real_curl_url_get(url, part, text, flags) : 7; }
int curl_url_set(void *url, int part, const char *text, unsigned int flags) { return ready() ? real_curl_url_set(url, part, text, flags) : 7; }
char *curl_version(void) { return ready() ? real_curl_version() : "libcurl not loaded"; }
void *curl_version_info(int age) { return ready() ? real_curl_version_info(age) : NULL; }

#endif
