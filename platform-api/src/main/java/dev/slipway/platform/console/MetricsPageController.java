package dev.slipway.platform.console;

import dev.slipway.platform.metrics.MetricsHistory;
import dev.slipway.platform.metrics.MetricsRange;
import dev.slipway.platform.metrics.MetricsSeries;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * A service's Metrics tab: four charts over the last hour, 6 hours or day, which {@code metrics.js} draws from
 * the series endpoint and redraws every 10 s; the page itself carries each chart's text summary.
 */
@Controller
class MetricsPageController {

    private final ServiceHeaders headers;
    private final MetricsHistory history;

    MetricsPageController(ServiceHeaders headers, MetricsHistory history) {
        this.headers = headers;
        this.history = history;
    }

    @GetMapping("/services/{name}/metrics")
    String page(@PathVariable String name, @RequestParam(defaultValue = "1h") String range, Model model) {
        headers.open(name, ServiceTab.METRICS, model);
        var chosen = MetricsRange.parse(range);
        model.addAttribute("metrics", MetricsPage.of(name, chosen, history.series(name, chosen)));
        return "console/service-metrics";
    }

    /** The charts' data: the same JSON as {@code GET /api/v1/services/{name}/metrics}, for a signed-in page. */
    @GetMapping(path = "/services/{name}/metrics/series", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    MetricsSeries series(@PathVariable String name, @RequestParam(defaultValue = "1h") String range) {
        return history.series(name, MetricsRange.parse(range));
    }
}
