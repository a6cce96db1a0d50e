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
        el.dispatchEvent(new CustomEvent('gp-chart-click', { detail: { name: params.name || '' } }));
      });
    }
    chart.setOption(JSON.parse(optionText), { lazyUpdate: true });
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
