// The Metrics tab: four uPlot charts drawn from the page's series endpoint, sized to their boxes, redrawn every
// 10 s, each with a text summary that screen readers read in place of the drawing. Pages run no inline script.
(function () {
  'use strict';

  const REFRESH_MS = 10000;
  const root = document.getElementById('metrics');
  if (!root || typeof uPlot === 'undefined') {
    return;
  }
  const statusLine = document.getElementById('metrics-status');
  const within = 'in the last ' + root.dataset.rangeLabel;
  const GRID = { stroke: '#e6e9ed', width: 1 };
  const AXIS = '#5c6773';

  const CHARTS = [
    { id: 'requests', unit: 'requests/s', series: [
      { label: 'Requests/s', key: 'requestsPerSecond', stroke: '#0b5cad' }] },
    { id: 'statuses', unit: 'responses/s', series: [
      { label: '2xx/s', key: 'status2xxPerSecond', stroke: '#1a7f37' },
      { label: '4xx/s', key: 'status4xxPerSecond', stroke: '#9a6700', dash: [8, 4] },
      { label: '5xx/s', key: 'status5xxPerSecond', stroke: '#c62828', dash: [2, 3] }] },
    { id: 'latency', unit: 'ms', series: [
      { label: 'p50', key: 'latencyP50Ms', stroke: '#0b5cad' },
      { label: 'p95', key: 'latencyP95Ms', stroke: '#9a6700', dash: [8, 4] },
      { label: 'p99', key: 'latencyP99Ms', stroke: '#c62828', dash: [2, 3] }] },
    { id: 'capacity', unit: 'count', whole: true, series: [
      { label: 'Concurrency', key: 'concurrency', stroke: '#0b5cad' },
      { label: 'Active instances', key: 'activeInstances', stroke: '#1a7f37', dash: [8, 4] }] }
  ];
  const plots = {};

  /** Two decimals below 10, one below 100, none above; as the page's own summaries (MetricsPage.number). */
  function number(value) {
    const size = Math.abs(value);
    const decimals = size < 10 ? 2 : size < 100 ? 1 : 0;
    return String(Number(value.toFixed(decimals)));
  }

  function heightFor(width) {
    return width < 500 ? 180 : 220;
  }

  /** The points with no neighbour, which a line cannot draw: uPlot marks them with a dot. */
  function isolated(u, seriesIndex, show) {
    if (show) {
      return null;
    }
    const values = u.data[seriesIndex];
    const alone = [];
    for (let i = 0; i < values.length; i++) {
      if (values[i] != null && (i === 0 || values[i - 1] == null) && (i === values.length - 1 || values[i + 1] == null)) {
        alone.push(i);
      }
    }
    return alone.length ? alone : null;
  }

  function options(chart, width) {
    const yAxis = { label: chart.unit, stroke: AXIS, grid: GRID, size: 56 };
    if (chart.whole) {
      yAxis.incrs = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000];
    }
    return {
      width: width,
      height: heightFor(width),
      scales: { y: { range: function (u, min, max) { return [0, max > 0 ? max * 1.1 : 1]; } } },
      axes: [{ label: 'Time', stroke: AXIS, grid: GRID }, yAxis],
      series: [{ label: 'Time' }].concat(chart.series.map(function (s) {
        return {
          label: s.label, stroke: s.stroke, width: 2, dash: s.dash, spanGaps: false,
          points: { filter: isolated },
          value: function (u, v) { return v == null ? '–' : number(v); }
        };
      }))
    };
  }

  function columns(points, chart) {
    const times = points.map(function (p) { return Date.parse(p.time) / 1000; });
    return [times].concat(chart.series.map(function (s) {
      return points.map(function (p) { return p[s.key] === undefined ? null : p[s.key]; });
    }));
  }

  function newest(points, key) {
    for (let i = points.length - 1; i >= 0; i--) {
      if (points[i][key] !== undefined && points[i][key] !== null) {
        return points[i];
      }
    }
    return null;
  }

  /** The same sentences as MetricsPage.of writes into the page. */
  function summaries(points) {
    const latest = newest(points, 'requestsPerSecond');
    if (!latest) {
      const none = 'No samples ' + within + ' yet.';
      return { requests: none, statuses: none, latency: none, capacity: none };
    }
    const peak = points.reduce(function (max, p) {
      return p.requestsPerSecond != null && p.requestsPerSecond > max ? p.requestsPerSecond : max;
    }, 0);
    const answered = newest(points, 'latencyP50Ms');
    return {
      requests: 'Latest: ' + number(latest.requestsPerSecond) + ' requests/s; highest ' + within + ': '
        + number(peak) + ' requests/s.',
      statuses: 'Latest per second: 2xx ' + number(latest.status2xxPerSecond) + ', 4xx '
        + number(latest.status4xxPerSecond) + ', 5xx ' + number(latest.status5xxPerSecond) + '.',
      latency: answered ? 'Latest: p50 ' + number(answered.latencyP50Ms) + ' ms, p95 ' + number(answered.latencyP95Ms)
        + ' ms, p99 ' + number(answered.latencyP99Ms) + ' ms.' : 'No request answered ' + within + '.',
      capacity: 'Latest: concurrency ' + latest.concurrency + ', active instances ' + latest.activeInstances + '.'
    };
  }

  function draw(series) {
    const texts = summaries(series.points);
    CHARTS.forEach(function (chart) {
      const box = document.getElementById('chart-' + chart.id);
      const data = columns(series.points, chart);
      if (plots[chart.id]) {
        plots[chart.id].setData(data);
      } else {
        plots[chart.id] = new uPlot(options(chart, box.clientWidth), data, box);
      }
      document.getElementById('chart-' + chart.id + '-summary').textContent = texts[chart.id];
    });
  }

  function tell(message) {
    if (statusLine.textContent !== message) {
      statusLine.textContent = message;
    }
  }

  let timer = null;

  function load() {
    if (document.hidden) {
      return;
    }
    fetch(root.dataset.series, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (response) {
        const type = response.headers.get('Content-Type') || '';
        if (response.redirected || response.status === 401) {
          throw new Error('signed-out');
        }
        if (!response.ok || type.indexOf('json') < 0) {
          throw new Error('HTTP ' + response.status);
        }
        return response.json();
      })
      .then(function (series) {
        tell('');
        draw(series);
      })
      .catch(function (error) {
        if (error.message === 'signed-out') {
          clearInterval(timer);
          tell('Your session has ended: sign in again to see new data.');
        } else {
          tell('Could not load the metrics (' + error.message + '); trying again in 10 s.');
        }
      });
  }

  let resizing = false;
  window.addEventListener('resize', function () {
    if (resizing) {
      return;
    }
    resizing = true;
    requestAnimationFrame(function () {
      resizing = false;
      CHARTS.forEach(function (chart) {
        const plot = plots[chart.id];
        const width = document.getElementById('chart-' + chart.id).clientWidth;
        if (plot && width > 0 && width !== plot.width) {
          plot.setSize({ width: width, height: heightFor(width) });
        }
      });
    });
  });
  document.addEventListener('visibilitychange', function () {
    if (!document.hidden) {
      load();
    }
  });

  load();
  timer = setInterval(load, REFRESH_MS);
})();
