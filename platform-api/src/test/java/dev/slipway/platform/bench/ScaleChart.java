package dev.slipway.platform.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The load step drawn as a PNG: healthy and desired instances as step lines on the left axis,
 * requests per second on the right, the high-load interval shaded.
 */
final class ScaleChart {

    static final int WIDTH = 1000;
    static final int HEIGHT = 520;

    private ScaleChart() {
    }

    /** Draws {@code samples} into {@code file}, shading the seconds from {@code stepStart} to {@code stepEnd}. */
    static void write(Path file, String title, List<ScaleSample> samples, double stepStart, double stepEnd)
            throws IOException {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        var instances = new XYSeries("healthy instances");
        var desired = new XYSeries("desired instances");
        var rate = new XYSeries("requests/s");
        for (var sample : samples) {
            if (sample.instances() >= 0) {
                instances.add(sample.seconds(), sample.instances());
            }
            if (sample.desired() >= 0) {
                desired.add(sample.seconds(), sample.desired());
            }
            rate.add(sample.seconds(), sample.requestsPerSecond());
        }
        var counts = new XYSeriesCollection();
        counts.addSeries(instances);
        counts.addSeries(desired);
        var countAxis = new NumberAxis("instances");
        countAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        var most = samples.stream().mapToInt(sample -> Math.max(sample.instances(), sample.desired())).max().orElse(0);
        countAxis.setRange(0, Math.max(2, most) + 0.5);
        var steps = new XYStepRenderer();
        steps.setSeriesPaint(0, new Color(0x1f77b4));
        steps.setSeriesPaint(1, new Color(0xff7f0e));
        steps.setSeriesStroke(0, new BasicStroke(2.5f));
        steps.setSeriesStroke(1, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {6f, 4f}, 0f));

        var plot = new XYPlot(counts, new NumberAxis("seconds since the load started"), countAxis, steps);
        var rateAxis = new NumberAxis("requests/s");
        rateAxis.setAutoRangeIncludesZero(true);
        plot.setRangeAxis(1, rateAxis);
        plot.setDataset(1, new XYSeriesCollection(rate));
        plot.mapDatasetToRangeAxis(1, 1);
        var line = new XYLineAndShapeRenderer(true, false);
        line.setSeriesPaint(0, new Color(0x2ca02c));
        plot.setRenderer(1, line);
        var step = new IntervalMarker(stepStart, stepEnd, new Color(0, 0, 0, 18));
        step.setLabel("high load");
        plot.addDomainMarker(step, Layer.BACKGROUND);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);

        var chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        Files.createDirectories(file.toAbsolutePath().getParent());
        ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
    }
}
