/*
 * LD_PRELOAD shim that keeps a server on loopback: bind() to the IPv4 or IPv6 wildcard address becomes a bind to
 * 127.0.0.1 (for IPv6, the v4-mapped ::ffff:127.0.0.1). Orthanc has no bind-address option; the benchmark runs
 * it with this shim so that nothing of a run listens beyond the machine. Compiled by run-bench.sh:
 *   gcc -shared -fPIC -O2 -o loopback-bind.so loopback-bind.c -ldl
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>

typedef int (*bind_function)(int, const struct sockaddr *, socklen_t);

int bind(int fd, const struct sockaddr *address, socklen_t length) {
    static bind_function real_bind;
    if (!real_bind) {
        real_bind = (bind_function) dlsym(RTLD_NEXT, "bind");
    }
    if (address && address->sa_family == AF_INET && length >= sizeof(struct sockaddr_in)) {
        struct sockaddr_in v4;
        memcpy(&v4, address, sizeof v4);
        if (v4.sin_addr.s_addr == htonl(INADDR_ANY)) {
            v4.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
            return real_bind(fd, (const struct sockaddr *) &v4, sizeof v4);
        }
    } else if (address && address->sa_family == AF_INET6 && length >= sizeof(struct sockaddr_in6)) {
        struct sockaddr_in6 v6;
        memcpy(&v6, address, sizeof v6);
        if (memcmp(&v6.sin6_addr, &in6addr_any, sizeof v6.sin6_addr) == 0) {
            static const unsigned char mapped_loopback[16] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 127, 0, 0, 1};
            memcpy(&v6.sin6_addr, mapped_loopback, sizeof mapped_loopback);
            return real_bind(fd, (const struct sockaddr *) &v6, sizeof v6);
        }
    }
    return real_bind(fd, address, length);
}
