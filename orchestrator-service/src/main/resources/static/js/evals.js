// Draws the evaluation charts from the JSON embedded in the page: solve rate per run, or seconds per task of one run.
(function () {
  const data = JSON.parse(document.getElementById('eval-data').textContent || '{}');
  const el = document.getElementById('eval-chart');
  const base = { animation: false, grid: { left: 56, right: 16, top: 24, bottom: 48 }, tooltip: { trigger: 'axis' } };
  let option = null;
  if (data.runs && data.runs.length) {
    const runs = data.runs.slice().reverse();
    option = Object.assign({}, base, {
      xAxis: { type: 'category', data: runs.map(r => '#' + r.id + (r.label ? ' ' + r.label : '')) },
      yAxis: { type: 'value', min: 0, max: 1, name: 'solve rate' },
      series: [{ type: 'bar', barWidth: '50%', color: '#3056d3', data: runs.map(r => r.solve_rate),
                 label: { show: true, position: 'top', formatter: p => runs[p.dataIndex].solved + '/' + runs[p.dataIndex].tasks } }]
    });
  } else if (data.run && data.run.results && data.run.results.length) {
    const results = data.run.results;
    option = Object.assign({}, base, {
      xAxis: { type: 'category', data: results.map(r => r.id), axisLabel: { interval: 0, rotate: 30 } },
      yAxis: { type: 'value', name: 'seconds' },
      series: [{ type: 'bar', barWidth: '50%', label: { show: true, position: 'top', formatter: p => results[p.dataIndex].reason || '' },
                 data: results.map(r => ({ value: r.seconds || 0, itemStyle: { color: r.solved ? '#1a7f4b' : '#b42318' } })) }]
    });
  }
  if (option && window.echarts) {
    el.style.height = '280px';
    echarts.init(el).setOption(option);
  } else {
    el.classList.add('empty');
    el.textContent = 'No data yet.';
  }
  const main = document.querySelector('main[data-running="true"]');
  if (main) {
    setTimeout(() => window.location.reload(), 5000);
  }
})();
