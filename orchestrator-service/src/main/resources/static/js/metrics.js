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

  function usage(byAgent, fields, names, axis) {
    const rows = Object.entries(byAgent || {}).map(([agent, u]) => Object.assign({ agent: agent }, u));
    if (!rows.some(r => fields.some(f => Number(r[f]) > 0))) return null;
    return Object.assign({}, base, {
      legend: fields.length > 1 ? { top: 0 } : undefined,
      xAxis: { type: 'category', data: rows.map(r => r.agent) },
      yAxis: { type: 'value', name: axis },
      series: fields.map((f, i) => ({ name: names[i], type: 'bar', stack: 'total', data: rows.map(r => Number(r[f])) }))
    });
  }

  const percent = v => v == null ? '–' : Math.round(v * 1000) / 10 + '%';

  // A trend over the recent sprints; without any measured sprint, the current scope's value as one bar.
  function trend(field, scopeValue, asPercent) {
    const rows = (report.per_sprint || []).filter(r => r[field] != null);
    const points = rows.length > 0 ? rows.map(r => [r.sprint, r[field]])
                 : (scopeValue != null && (asPercent || scopeValue > 0) ? [[report.sprint_id ? 'this sprint' : 'all work', scopeValue]] : []);
    if (points.length === 0) return null;
    return Object.assign({}, base, {
      tooltip: { trigger: 'axis', valueFormatter: asPercent ? percent : undefined },
      xAxis: { type: 'category', data: points.map(p => p[0]) },
      yAxis: asPercent ? { type: 'value', min: 0, max: 1, axisLabel: { formatter: percent } } : { type: 'value', minInterval: 1 },
      series: [{ type: points.length > 1 ? 'line' : 'bar', barWidth: '30%', symbolSize: 8, data: points.map(p => p[1]),
                 label: { show: true, position: 'top', formatter: asPercent ? (p => percent(p.value)) : undefined } }]
    });
  }

  const field = (section, name) => section == null ? null : section[name];

  const builders = {
    lead_time_hours: () => durations(report.lead_time_hours),
    cycle_time_hours: () => durations(report.cycle_time_hours),
    pr_cycle_time_hours: () => durations(report.pr_cycle_time_hours),
    tokens_by_agent: () => usage(report.tokens_by_agent, ['input_tokens', 'output_tokens'], ['input', 'output'], 'tokens'),
    cost_by_agent: () => usage(report.tokens_by_agent, ['cost_usd'], ['cost'], 'USD'),
    tasks_by_outcome: () => counts(report.tasks_by_outcome),
    stories_by_status: () => counts(report.stories_by_status),
    test_pass_rate: () => trend('test_pass_rate', field(report.test_pass_rate, 'test_pass_rate'), true),
    flaky_test_rate: () => trend('flaky_test_rate', field(report.flaky_test_rate, 'rate'), true),
    clarify_count: () => trend('clarify_count', field(report.clarifications, 'count'), false)
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
