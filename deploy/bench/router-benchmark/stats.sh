# The router benchmark's targets and statistics, sourced by router-benchmark.sh and router-pool.sh.

# Targets from the router's acceptance criteria.
TARGET_RPS_RATIO=1.0
TARGET_P99_RATIO=1.2
TARGET_TABLE_SLOWDOWN_PCT=5

# The median of a list of figures ("a1 a2 …"; "-" entries are skipped), or "-" when there is none.
median() {
  tr ' ' '\n' <<<"$1" | grep -v '^-\?$' | sort -g | awk '{ v[NR] = $1 }
    END { if (NR == 0) print "-"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# Round by round ratios of two lists of figures measured in the same rounds ("a1 a2 …" / "b1 b2 …"): prints
# "median low high n", where low–high is a distribution-free confidence interval of at least 95% for the median
# ratio (from the order statistics, with the binomial distribution), or "- - - n" with fewer than 6 rounds.
# Pairing cancels what drifts between rounds: each ratio compares runs measured seconds apart.
paired() {
  awk -v a="$1" -v b="$2" 'BEGIN {
    na = split(a, x, " "); split(b, y, " ")
    for (i = 1; i <= na; i++) if (x[i] != "-" && y[i] != "-" && y[i] > 0) r[++n] = x[i] / y[i]
    if (n < 6) { printf "- - - %d\n", n; exit }
    for (i = 2; i <= n; i++) { v = r[i]; for (j = i - 1; j >= 1 && r[j] > v; j--) r[j + 1] = r[j]; r[j + 1] = v }
    med = n % 2 ? r[(n + 1) / 2] : (r[n / 2] + r[n / 2 + 1]) / 2
    # Largest k with P(Binomial(n, 1/2) < k) <= 2.5%: [r_k, r_(n+1-k)] covers the median with >= 95%.
    p = 0.5 ^ n; cdf = 0; k = 0
    for (i = 0; i < n; i++) { cdf += p; if (cdf > 0.025) break; k = i + 1; p = p * (n - i) / (i + 1) }
    if (k < 1) k = 1
    printf "%.3f %.3f %.3f %d\n", med, r[k], r[n + 1 - k], n }'
}

# "1.03× (0.99–1.06)" from the output of paired().
ratio_ci() {
  local med lo hi n
  read -r med lo hi n <<<"$1"
  if [ "$med" = - ]; then echo "-"; else printf '%.2f× (%.2f–%.2f)' "$med" "$lo" "$hi"; fi
}

# The verdict for a paired ratio against a target: met / NOT met by the median, and whether the confidence
# interval lies on one side of the target ("clearly") or straddles it ("within the noise").
#   paired_verdict "median low high n" OP TARGET       OP: ">=" (higher is better) or "<=" (lower is better)
paired_verdict() {
  local med lo hi n
  read -r med lo hi n <<<"$1"
  awk -v m="$med" -v lo="$lo" -v hi="$hi" -v op="$2" -v t="$3" 'BEGIN {
    if (m == "-") { print "n/a (too few rounds)"; exit }
    ok = op == ">=" ? m >= t : m <= t
    sure = op == ">=" ? (ok ? lo >= t : hi < t) : (ok ? hi <= t : lo > t)
    print (ok ? "met" : "NOT met") (sure ? " (clearly: the 95% interval is on that side)" : " (within the noise: the 95% interval straddles the target)") }'
}

