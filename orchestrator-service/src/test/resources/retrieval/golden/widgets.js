// Widgets of the dashboard.
const DEFAULT_SIZE = 3;

function render(widget) {
  return `<div class="widget">${widget.title}</div>`;
}

export default class Board {
  constructor(widgets) {
    this.widgets = widgets;
  }

  add(widget) {
    if (this.widgets.length > 20) {
      throw new Error("too many widgets");
    }
    this.widgets.push(widget);
  }
}

export const byTitle = function (a, b) {
  return a.title.localeCompare(b.title);
};
