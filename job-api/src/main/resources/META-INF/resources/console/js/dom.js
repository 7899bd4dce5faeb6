// A few helpers instead of a framework: build elements, show notices, format Graph values.

/** h('button', {type: 'button', onclick}, 'Start'): attributes starting with "on" become listeners. */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  // Children first: a select's value can only be set once its options exist
  append(element, children);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (name.startsWith('on')) {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'className') {
      element.className = value;
    } else if (name in element && typeof element[name] !== 'function' && name !== 'list') {
      element[name] = value;
    } else {
      element.setAttribute(name, value === true ? '' : value);
    }
  }
  return element;
}

function append(element, children) {
  for (const child of children.flat()) {
    if (child !== undefined && child !== null && child !== false) {
      element.append(child instanceof Node ? child : String(child));
    }
  }
}

export function replace(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

/** A labelled control: the label points at the control by id, for screen readers and clicks. */
export function field(label, control) {
  control.id = control.id || `f-${Math.random().toString(36).slice(2, 10)}`;
  return h('div', { className: 'field' }, h('label', { htmlFor: control.id }, label), control);
}

export function notice(message, kind = '') {
  const area = document.getElementById('notice');
  replace(area, message ? h('span', { className: kind }, message) : '');
}

export function failure(error) {
  notice(error.message || String(error), 'error');
}

/** A Graph time for people; .NET's DateTime.MinValue, which Graph sends for a time never reached, is "never". */
export function time(value) {
  if (!value || value.startsWith('0001-01-01')) {
    return 'never';
  }
  return new Date(value).toLocaleString();
}

/** The job's status as a badge: Quarantine shows its reason, as Entra's portal does. */
export function statusBadge(status) {
  const code = status?.code || 'NotRun';
  const text = code === 'Quarantine' ? `Quarantined: ${status.quarantine?.reason || 'unknown reason'}` : code;
  return h('span', { className: `badge ${code}`, 'data-status': code }, text);
}

export function table(headings, rows) {
  return h('table', {}, h('thead', {}, h('tr', {}, headings.map((heading) => h('th', { scope: 'col' }, heading)))),
    h('tbody', {}, rows));
}
