// The bridge between Java and Apache ECharts: Java sends option objects as JSON text, this file
// turns them into charts. One chart per element; charts follow their element's size.
import * as echarts from 'echarts';

window.gpEcharts = {
  registerMap(name, geoJsonText) {
    if (!echarts.getMap(name)) {
      echarts.registerMap(name, JSON.parse(geoJsonText));
    }
  },
  set(el, optionText, theme) {
    let chart = echarts.getInstanceByDom(el);
    if (!chart) {
      chart = echarts.init(el, theme || null, { renderer: 'canvas' });
      el.__gpResize = new ResizeObserver(() => chart.resize());
      el.__gpResize.observe(el);
      chart.on('click', (params) => {
        const id = params.data && typeof params.data === 'object' && params.data.id != null ? String(params.data.id) : null;
        el.dispatchEvent(new CustomEvent('gp-chart-click', {
          detail: { name: params.name || '', seriesId: params.seriesId || null, id },
        }));
      });
    }
    chart.setOption(JSON.parse(optionText), { lazyUpdate: true });
  },
  // the chart's current option as JSON text (for tests and debugging), null before the first option
  option(el) {
    const chart = echarts.getInstanceByDom(el);
    return chart ? JSON.stringify(chart.getOption()) : null;
  },
  dispose(el) {
    const chart = echarts.getInstanceByDom(el);
    if (chart) {
      chart.dispose();
    }
    if (el.__gpResize) {
      el.__gpResize.disconnect();
      el.__gpResize = undefined;
    }
  },
};
