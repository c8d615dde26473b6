/*
 * openloop: a small open-loop HTTP/1.1 load generator. router-benchmark.sh uses it to compare the
 * latency of reverse proxies at a fixed offered request rate.
 *
 * Request i is *intended* to be sent at t0 + i / rate (CLOCK_MONOTONIC). Due requests go to idle
 * keep-alive connections; when none is idle they wait in a FIFO until one frees up. A request's
 * latency is the time its response's last byte was read minus its intended send time, so time spent
 * queued behind a slow server is counted rather than hidden (no coordinated omission, as in wrk2).
 *
 * One thread, edge-triggered epoll, one request in flight per connection. Responses must carry a
 * Content-Length; anything else (chunked, no length, connection lost mid-response) is an error and
 * the connection is reopened. When the run ends no new request falls due; the ones already due are
 * still sent and awaited (their latency includes that wait), and those not answered within 2 s are
 * errors too. maxqueue is the longest FIFO seen during the recorded phase.
 * Build: gcc -O2 -Wall -Wextra -o openloop openloop.c
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/epoll.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define BUFSZ 16384                     /* per-connection read buffer; headers must fit in it */
#define MAXEV 256
#define MS 1000000ull                   /* nanoseconds per millisecond */
#define FINE_N 100000                   /* 1 us buckets below 100 ms */
#define COARSE_N 99000                  /* 100 us buckets from 100 ms to 10 s */

enum { DOWN, CONNECTING, IDLE, BUSY };

struct conn {
    int fd, state, in_idle;
    int hdr_done, status, close_after;  /* state of the response being read */
    uint64_t req;                       /* BUSY: index of the request in flight */
    uint64_t retry_at;                  /* DOWN: when to reconnect */
    size_t wr_off, len;                 /* request bytes sent; header bytes buffered */
    long long body_left;                /* body bytes still to read */
    char buf[BUFSZ];
};

static struct sockaddr_in addr;
static int ep, nconn;
static struct conn *conns;
static int *idle, idle_head, nidle;     /* FIFO ring of idle connections, so all get used */
static char *req;
static size_t req_len;
static double period;                   /* nanoseconds between intended send times */
static uint64_t t0, now_ns;
static uint64_t n_warm, n_total;        /* requests [n_warm, n_total) are recorded */
static uint64_t due, sent, inflight, ndown;  /* requests [sent, due) are queued */
static uint64_t nresp, errors, non2xx, maxqueue, sum_ns, max_ns, overflow;
static uint64_t hist[FINE_N + COARSE_N];

static uint64_t mono_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

static uint64_t ceil_u64(double x) { uint64_t v = (uint64_t)x; return (double)v < x ? v + 1 : v; }
static uint64_t intended(uint64_t i) { return t0 + (uint64_t)((double)i * period); }
static int recorded(uint64_t i) { return i >= n_warm && i < n_total; }

static void record(uint64_t ns, int status)
{
    uint64_t us = ns / 1000;
    nresp++;
    non2xx += status < 200 || status > 299;
    sum_ns += ns;
    max_ns = ns > max_ns ? ns : max_ns;
    if (us < 100000)
        hist[us]++;
    else if (us < 10000000)
        hist[FINE_N + (us - 100000) / 100]++;
    else
        overflow++;
}

/* Latency at quantile q in ms: the upper edge of the bucket holding that rank, capped at the max. */
static double percentile(double q)
{
    uint64_t rank = ceil_u64(q * (double)nresp), seen = 0;
    for (size_t b = 0; b < FINE_N + COARSE_N; b++) {
        seen += hist[b];
        if (seen >= rank && seen > 0) {
            uint64_t top = 1000 * (b < FINE_N ? b + 1 : 100000 + (b - FINE_N + 1) * 100);
            return (double)(top < max_ns ? top : max_ns) / 1e6;
        }
    }
    return (double)max_ns / 1e6;        /* no responses, or the rank is in the overflow (>= 10 s) */
}

static void set_idle(int i)
{
    struct conn *c = &conns[i];
    c->state = IDLE;
    c->hdr_done = 0;
    c->len = 0;
    if (!c->in_idle) {
        c->in_idle = 1;
        idle[(idle_head + nidle++) % nconn] = i;
    }
}

/* Opens connection i (a blocking connect at start-up, non-blocking later). -1 with errno set. */
static int conn_open(int i, int blocking)
{
    int one = 1, fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | (blocking ? 0 : SOCK_NONBLOCK), 0);
    if (fd < 0)
        return -1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    int r = connect(fd, (struct sockaddr *)&addr, sizeof addr);
    struct epoll_event ev = { .events = EPOLLIN | EPOLLOUT | EPOLLRDHUP | EPOLLET, .data.u32 = (uint32_t)i };
    if ((r < 0 && errno != EINPROGRESS) || (blocking && fcntl(fd, F_SETFL, O_NONBLOCK) < 0) ||
        epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev) < 0) {
        int e = errno;
        close(fd);
        errno = e;
        return -1;
    }
    conns[i].fd = fd;
    if (r == 0)
        set_idle(i);
    else
        conns[i].state = CONNECTING;
    return 0;
}

/* Closes connection i; a request in flight on it is an error. retry_down() reopens it. */
static void conn_fail(int i)
{
    struct conn *c = &conns[i];
    if (c->state == BUSY) {
        inflight--;
        errors += (uint64_t)recorded(c->req);
    }
    /* After a failed connect, back off so that a dead server does not make us spin. */
    c->retry_at = now_ns + (c->state == CONNECTING ? 10 * MS : 0);
    close(c->fd);
    c->state = DOWN;
    ndown++;
}

/* Reopens the connections whose retry time has come; returns the earliest retry time left. */
static uint64_t retry_down(uint64_t now)
{
    uint64_t next = UINT64_MAX;
    for (int i = 0; i < nconn && ndown; i++) {
        struct conn *c = &conns[i];
        if (c->state != DOWN)
            continue;
        if (c->retry_at <= now) {
            if (conn_open(i, 0) == 0) {
                ndown--;
                continue;
            }
            c->retry_at = now + 10 * MS;
        }
        if (c->retry_at < next)
            next = c->retry_at;
    }
    return next;
}

static void send_rest(int i)
{
    struct conn *c = &conns[i];
    while (c->wr_off < req_len) {
        ssize_t n = send(c->fd, req + c->wr_off, req_len - c->wr_off, MSG_NOSIGNAL);
        if (n < 0) {
            if (errno != EAGAIN)
                conn_fail(i);
            return;                     /* on EAGAIN, EPOLLOUT resumes the write */
        }
        c->wr_off += (size_t)n;
    }
}

/* Sends queued requests, oldest first, on idle connections. */
static void dispatch(void)
{
    while (sent < due && nidle > 0) {
        int i = idle[idle_head];
        idle_head = (idle_head + 1) % nconn;
        nidle--;
        conns[i].in_idle = 0;
        if (conns[i].state != IDLE)     /* it failed while waiting in the ring */
            continue;
        conns[i].state = BUSY;
        conns[i].req = sent++;
        conns[i].wr_off = 0;
        inflight++;
        send_rest(i);
    }
}

/* Parses a status line and headers; h[0..n) ends with CRLFCRLF. -1 if malformed or the body is
 * not delimited by a Content-Length. */
static int parse_head(const char *h, size_t n, int *status, long long *clen, int *close_after)
{
    const char *end = h + n, *p;
    if (n < 12 || memcmp(h, "HTTP/1.", 7) != 0 || h[8] != ' ' || h[9] < '1' || h[9] > '5' ||
        h[10] < '0' || h[10] > '9' || h[11] < '0' || h[11] > '9')
        return -1;
    *status = (h[9] - '0') * 100 + (h[10] - '0') * 10 + (h[11] - '0');
    *clen = -1;
    *close_after = h[7] == '0';         /* HTTP/1.0 closes unless it says keep-alive */
    for (p = (const char *)memchr(h, '\n', n) + 1; p < end;) {
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        const char *colon = memchr(p, ':', (size_t)(eol - p)), *v = colon ? colon + 1 : eol;
        size_t len = colon ? (size_t)(colon - p) : 0;
        while (*v == ' ' || *v == '\t')
            v++;
        if (len == 14 && strncasecmp(p, "content-length", 14) == 0) {
            if (*v < '0' || *v > '9')
                return -1;
            for (*clen = 0; *v >= '0' && *v <= '9' && *clen < (1ll << 50); v++)
                *clen = *clen * 10 + (*v - '0');
        } else if (len == 17 && strncasecmp(p, "transfer-encoding", 17) == 0) {
            return -1;
        } else if (len == 10 && strncasecmp(p, "connection", 10) == 0) {
            *close_after = strncasecmp(v, "close", 5) == 0;
        }
        p = eol + 1;
    }
    return *clen < 0 ? -1 : 0;
}

/* Reads until EAGAIN or the end of the response; a malformed or cut-off response is an error. */
static void on_readable(int i, uint32_t events)
{
    struct conn *c = &conns[i];
    for (;;) {
        ssize_t n = read(c->fd, c->buf + c->len, BUFSZ - c->len);
        if (n < 0 && errno == EAGAIN)
            return;
        if (n <= 0 || c->state != BUSY)     /* closed, failed, or sent bytes nobody asked for */
            break;
        if (!c->hdr_done) {
            size_t from = c->len > 3 ? c->len - 3 : 0;
            c->len += (size_t)n;
            char *e = memmem(c->buf + from, c->len - from, "\r\n\r\n", 4);
            if (!e && c->len == BUFSZ)      /* headers too large */
                break;
            if (!e)
                continue;
            size_t hlen = (size_t)(e + 4 - c->buf);
            if (parse_head(c->buf, hlen, &c->status, &c->body_left, &c->close_after) < 0)
                break;
            c->hdr_done = 1;
            c->body_left -= (long long)(c->len - hlen);
            c->len = 0;                     /* body bytes are counted, not kept */
        } else {
            c->body_left -= n;
        }
        if (c->body_left < 0)               /* more bytes than the response holds */
            break;
        if (c->body_left == 0) {
            inflight--;
            if (recorded(c->req))
                record(mono_ns() - intended(c->req), c->status);
            set_idle(i);
            /* Nothing more is expected, so no read to EAGAIN: a later FIN raises a new edge. */
            if (c->close_after || (events & (EPOLLRDHUP | EPOLLHUP)))
                conn_fail(i);
            return;
        }
    }
    conn_fail(i);                           /* every break above is an error */
}

static void on_event(int i, uint32_t events)
{
    struct conn *c = &conns[i];
    if (c->state == DOWN)               /* a stale event for a socket closed in this batch */
        return;
    if (c->state == CONNECTING) {
        int err = 0;
        socklen_t len = sizeof err;
        if ((events & (EPOLLERR | EPOLLHUP)) ||
            ((events & EPOLLOUT) && (getsockopt(c->fd, SOL_SOCKET, SO_ERROR, &err, &len) < 0 || err)))
            conn_fail(i);
        else if (events & EPOLLOUT)
            set_idle(i);
        return;
    }
    if (c->state == BUSY && (events & EPOLLOUT) && c->wr_off < req_len)
        send_rest(i);
    if (c->state != DOWN && (events & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR)))
        on_readable(i, events);
}

static const char usage[] =
    "usage: openloop -p PORT [-a 127.0.0.1] [-H localhost] [-P /] -r RATE -c CONNECTIONS\n"
    "                -d SECONDS [-w WARMUP_SECONDS]\n"
    "Offers RATE requests/s over CONNECTIONS keep-alive connections and prints one line of\n"
    "statistics; latencies are in ms, measured from each request's intended send time.\n";

static void check(int ok, const char *msg)
{
    if (!ok) {
        fprintf(stderr, "openloop: %s\n%s", msg, usage);
        exit(2);
    }
}

/* Parses a number (a whole one if asked); -1 if malformed, which every range check rejects. */
static double num(const char *s, int whole)
{
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (errno || end == s || *end || (whole && (v < 0 || v > 1e9 || v != (double)(long)v)))
        return -1;
    return v;
}

int main(int argc, char **argv)
{
    const char *address = "127.0.0.1", *host = "localhost", *path = "/";
    double rate = 0, dur = 0, warm = 0, port = 0, c = 0;  /* unset values fail the checks */
    int opt;
    while ((opt = getopt(argc, argv, "a:p:H:P:r:c:d:w:h")) != -1) {
        switch (opt) {
        case 'a': address = optarg; break;
        case 'p': port = num(optarg, 1); break;
        case 'H': host = optarg; break;
        case 'P': path = optarg; break;
        case 'r': rate = num(optarg, 0); break;
        case 'c': c = num(optarg, 1); break;
        case 'd': dur = num(optarg, 0); break;
        case 'w': warm = num(optarg, 0); break;
        case 'h': fputs(usage, stdout); return 0;
        default: fputs(usage, stderr); return 2;
        }
    }
    check(optind == argc, "unexpected argument");
    check(port >= 1 && port <= 65535, "-p PORT (1-65535) is required");
    check(rate > 0 && rate <= 1e8, "-r RATE (> 0) is required");
    check(c >= 1 && c <= 1000000, "-c CONNECTIONS (>= 1) is required");
    check(dur > 0 && dur < 1e6 && warm >= 0 && warm < 1e6, "-d SECONDS (> 0) is required, -w must be >= 0");
    check(*path && *host, "empty -P or -H");
    addr.sin_family = AF_INET;
    addr.sin_port = htons((uint16_t)port);
    check(inet_pton(AF_INET, address, &addr.sin_addr) == 1, "-a must be an IPv4 address");

    nconn = (int)c;
    period = 1e9 / rate;
    req_len = (size_t)snprintf(NULL, 0, "GET %s HTTP/1.1\r\nHost: %s\r\n\r\n", path, host);
    req = malloc(req_len + 1);
    conns = calloc((size_t)nconn, sizeof *conns);
    idle = calloc((size_t)nconn, sizeof *idle);
    if (!req || !conns || !idle) {
        fprintf(stderr, "openloop: out of memory\n");
        return 1;
    }
    snprintf(req, req_len + 1, "GET %s HTTP/1.1\r\nHost: %s\r\n\r\n", path, host);
    signal(SIGPIPE, SIG_IGN);
    /* epoll_pwait2 may oversleep by max(timer slack, 0.1% of the timeout). The default slack is
     * 50 us: lower it to 1 ns, and cap each sleep at 1 ms below. */
    prctl(PR_SET_TIMERSLACK, 1UL, 0UL, 0UL, 0UL);
    if ((ep = epoll_create1(EPOLL_CLOEXEC)) < 0) {
        perror("openloop: epoll_create1");
        return 1;
    }
    for (int i = 0; i < nconn; i++) {
        if (conn_open(i, 1) < 0) {
            fprintf(stderr, "openloop: connection %d to %s:%d failed: %s\n", i + 1, address,
                    (int)port, strerror(errno));
            return 1;
        }
    }

    t0 = mono_ns();
    n_warm = ceil_u64(warm * rate);
    n_total = ceil_u64((warm + dur) * rate);
    uint64_t t_rec = t0 + (uint64_t)(warm * 1e9), t_end = t0 + (uint64_t)((warm + dur) * 1e9);
    uint64_t deadline = 0;
    struct epoll_event evs[MAXEV];
    for (;;) {
        uint64_t now = now_ns = mono_ns(), next = deadline;
        if (!deadline) {                /* still sending */
            next = ndown ? retry_down(now) : UINT64_MAX;
            while (due < n_total && intended(due) <= now)
                due++;
            dispatch();
            if (now >= t_rec && due - sent > maxqueue)
                maxqueue = due - sent;
            if (now >= t_end) {
                /* No new request falls due; those already due are still sent and awaited. */
                n_total = due;
                next = deadline = now + 2000 * MS;
            } else {
                if (t_end < next)
                    next = t_end;
                if (sent == due && due < n_total && intended(due) < next)
                    next = intended(due);
            }
        }
        if (deadline) {                 /* draining: the queue goes out as connections free up */
            if (ndown) {
                uint64_t retry = retry_down(now);
                if (retry < next)
                    next = retry;
            }
            dispatch();
        }
        if (deadline && inflight == 0 && sent == due)
            break;
        if (deadline && now >= deadline) {      /* give up on requests unsent or unanswered */
            for (int i = 0; i < nconn; i++)
                errors += conns[i].state == BUSY && recorded(conns[i].req) ? 1 : 0;
            errors += due - (sent > n_warm ? sent : n_warm);
            break;
        }
        /* Sleep until the next request falls due (or an event arrives). Capping the sleep keeps
         * the kernel's 0.1%-of-timeout slack under 1 us; it does not spin. */
        uint64_t wait = next > now ? next - now : 0;
        struct timespec ts = { .tv_sec = 0, .tv_nsec = (long)(wait < MS ? wait : MS) };
        int n = epoll_pwait2(ep, evs, MAXEV, &ts, NULL);
        if (n < 0 && errno != EINTR) {
            perror("openloop: epoll_pwait2");
            return 1;
        }
        now_ns = mono_ns();
        for (int k = 0; k < n; k++)
            on_event((int)evs[k].data.u32, evs[k].events);
    }

    printf("requests=%llu errors=%llu non2xx=%llu offered=%.10g achieved=%llu mean=%.3f p50=%.3f "
           "p90=%.3f p99=%.3f p999=%.3f max=%.3f maxqueue=%llu\n",
           (unsigned long long)nresp, (unsigned long long)errors, (unsigned long long)non2xx, rate,
           (unsigned long long)((double)nresp / dur + 0.5),
           nresp ? (double)sum_ns / (double)nresp / 1e6 : 0.0, percentile(0.5), percentile(0.9),
           percentile(0.99), percentile(0.999), (double)max_ns / 1e6, (unsigned long long)maxqueue);
    return 0;
}
