#ifndef CLOSER_CURL_LOADER_H
#define CLOSER_CURL_LOADER_H
// Release builds of `closer` on Linux do not name libcurl as a needed library: the curl functions
// FoundationNetworking calls are defined in CurlLoader.c, which opens libcurl.so.4 the first time
// one is called (an https request), so a start does not load libcurl and its ~30 libraries.
// Nothing to call from Swift: linking the target is what it is for.
#endif
