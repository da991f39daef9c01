// Draws the metrics report (JSON embedded in the page) with ECharts; a chart without data says so.
(function () {
  const report = JSON.parse(document.getElementById('metrics-data').textContent || '{}');
  const palette = ['#3056d3', '#1a7f4b', '#a15c00', '#b42318', '#7a5af8', '#0e9384', '#667085'];
  const base = { animation: false, color: palette, grid: { left: 56, right: 16, top: 24, bottom: 32 }, tooltip: { trigger: 'axis' },
                 textStyle: { fontFamily: 'system-ui, sans-serif' } };

  function noData(el, why) {
    el.classList.add('empty');
    el.style.height = 'auto';
    el.textContent = why || 'No data yet.';
  }

  function durations(stats) {
    if (!stats || !stats.count) return null;
    return Object.assign({}, base, {
      xAxis: { type: 'category', data: ['average', 'median (p50)', 'p90'] },
      yAxis: { type: 'value', name: 'hours' },
      series: [{ type: 'bar', barWidth: '40%', data: [stats.avg, stats.p50, stats.p90],
                 label: { show: true, position: 'top' } }],
      title: { text: stats.count + (stats.count === 1 ? ' item' : ' items'), right: 8, top: 0,
               textStyle: { fontSize: 12, color: '#667085', fontWeight: 'normal' } }
    });
  }

  function counts(map) {
    if (!map) return null;
    const keys = Object.keys(map);
    if (!keys.some(k => map[k] > 0)) return null;
    return Object.assign({}, base, {
      xAxis: { type: 'category', data: keys.map(k => k.replace(/_/g, ' ').toLowerCase()), axisLabel: { interval: 0, rotate: keys.length > 4 ? 20 : 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', barWidth: '50%', data: keys.map(k => map[k]), label: { show: true, position: 'top' } }]
    });
  }

  function usage(rows, fields, names, axis) {
    if (!rows || rows.length === 0) return null;
    return Object.assign({}, base, {
      legend: fields.length > 1 ? { top: 0 } : undefined,
      xAxis: { type: 'category', data: rows.map(r => r.agent) },
      yAxis: { type: 'value', name: axis },
      series: fields.map((f, i) => ({ name: names[i], type: 'bar', stack: 'total', data: rows.map(r => Number(r[f])) }))
    });
  }

  // A rate is a number 0..1 or a list of {sprint, rate}; a count per sprint is a list of {sprint, count}.
  function perSprint(value, field) {
    if (value == null) return null;
    const rows = Array.isArray(value) ? value : [{ sprint: 'all', [field]: value }];
    if (rows.length === 0) return null;
    return Object.assign({}, base, {
      xAxis: { type: 'category', data: rows.map(r => String(r.sprint ?? r.sprint_name ?? r.sprint_id ?? '')) },
      yAxis: { type: 'value' },
      series: [{ type: 'line', data: rows.map(r => r[field] ?? r.value ?? r.count ?? r.rate), symbolSize: 8,
                 label: { show: true } }]
    });
  }

  const builders = {
    lead_time_hours: () => durations(report.lead_time_hours),
    pr_cycle_time_hours: () => durations(report.pr_cycle_time_hours),
    tokens_by_agent: () => usage(report.usage_by_agent, ['input_tokens', 'output_tokens'], ['input', 'output'], 'tokens'),
    cost_by_agent: () => usage(report.usage_by_agent, ['cost_usd'], ['cost'], 'USD'),
    tasks_by_outcome: () => counts(report.tasks_by_outcome),
    stories_by_status: () => counts(report.stories_by_status),
    test_pass_rate: () => perSprint(report.test_pass_rate, 'rate'),
    flaky_test_rate: () => perSprint(report.flaky_test_rate, 'rate'),
    clarify_count: () => perSprint(report.clarify_count, 'count')
  };

  document.querySelectorAll('[data-chart]').forEach(el => {
    const build = builders[el.dataset.chart];
    const option = build && build();
    if (!option || typeof echarts === 'undefined') {
      noData(el, option ? 'Charts could not load.' : 'No data yet.');
      return;
    }
    const chart = echarts.init(el, null, { renderer: 'svg' });
    chart.setOption(option);
    window.addEventListener('resize', () => chart.resize());
  });
})();
