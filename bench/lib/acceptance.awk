# Acceptance latency of one benchmark phase, from two scrapes of a Prometheus text
# endpoint taken before and after the phase.
#
#   awk -v metric=guichet_smtp_acceptance_seconds -f acceptance.awk BEFORE AFTER
#
# Prints one line: "p50_ms p99_ms mean_ms count method", "n/a" for what is unknown.
#   method "histogram": the timer publishes buckets (_bucket{le=...}); the quantiles are
#     computed from the bucket increase between the two scrapes, so they cover exactly
#     the phase (linear interpolation inside a bucket, as Prometheus' histogram_quantile).
#   method "window": only the published percentiles (quantile="0.5", "0.99") exist; they
#     are read from the AFTER scrape and cover Micrometer's recent window (its
#     distribution-statistic expiry), which the caller keeps close to the phase.
#   method "none": the metric is absent.
# Several series (tags) of the metric are summed (buckets, count, sum) or, for
# published percentiles, the largest value is kept.

function label(labels, key,    pattern, s) {
    pattern = "(^|,)[ ]*" key "=\"[^\"]*\""
    if (!match(labels, pattern)) return ""
    s = substr(labels, RSTART, RLENGTH)
    sub(/^,?[ ]*[a-zA-Z_]+="/, "", s)
    sub(/"$/, "", s)
    return s
}

function numeric(v) {
    return v ~ /^[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?$/
}

function bound(le) {
    return (le == "+Inf") ? 1e300 : le + 0
}

function ms(seconds) {
    return sprintf("%.1f", seconds * 1000)
}

# Quantile q from the cumulative bucket increases sorted in les[1..nle].
function quantile(q,    total, rank, i, lower, below, upper, count) {
    total = delta[les[nle]]
    if (total <= 0) return "n/a"
    rank = q * total
    lower = 0; below = 0
    for (i = 1; i <= nle; i++) {
        count = delta[les[i]]
        if (count >= rank) {
            if (les[i] == "+Inf") return ">" ms(lower)
            upper = bound(les[i])
            if (count == below) return ms(upper)
            return ms(lower + (upper - lower) * (rank - below) / (count - below))
        }
        lower = bound(les[i]); below = count
    }
    return "n/a"
}

BEGIN {
    if (metric == "") metric = "guichet_smtp_acceptance_seconds"
}

/^#/ || NF == 0 { next }

{
    line = $0
    open = index(line, "{")
    if (open > 0) {
        name = substr(line, 1, open - 1)
        closing = index(line, "}")
        labels = substr(line, open + 1, closing - open - 1)
        rest = substr(line, closing + 1)
    } else {
        name = $1
        labels = ""
        rest = substr(line, length($1) + 1)
    }
    split(rest, fields, " ")
    value = fields[1]
    if (!numeric(value)) next
    sign = (FILENAME == ARGV[1]) ? -1 : 1

    if (name == metric "_bucket") {
        le = label(labels, "le")
        if (le == "+Inf" || numeric(le)) { delta[le] += sign * value; buckets = 1 }
    } else if (name == metric "_count") {
        count_delta += sign * value; counted = 1
    } else if (name == metric "_sum") {
        sum_delta += sign * value
    } else if (name == metric && sign > 0) {
        q = label(labels, "quantile")
        if (numeric(q)) {
            key = sprintf("%g", q + 0)
            if (!(key in published) || value + 0 > published[key]) published[key] = value + 0
        }
    }
}

END {
    mean = (counted && count_delta > 0) ? ms(sum_delta / count_delta) : "n/a"
    count = counted ? sprintf("%d", count_delta) : "n/a"
    if (buckets) {
        nle = 0
        for (le in delta) les[++nle] = le
        for (i = 2; i <= nle; i++) {            # insertion sort by bucket bound
            k = les[i]
            for (j = i - 1; j >= 1 && bound(les[j]) > bound(k); j--) les[j + 1] = les[j]
            les[j + 1] = k
        }
        if (les[nle] == "+Inf" && delta["+Inf"] > 0) {
            print quantile(0.5), quantile(0.99), mean, count, "histogram"
            exit
        }
    }
    p50 = ("0.5" in published) ? ms(published["0.5"]) : "n/a"
    p99 = ("0.99" in published) ? ms(published["0.99"]) : "n/a"
    method = (p50 == "n/a" && p99 == "n/a" && !counted) ? "none" : "window"
    print p50, p99, mean, count, method
}
