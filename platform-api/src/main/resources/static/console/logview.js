// A live log in a page: follows server-sent `line` events (JSON with seq, stream, text and, for deployments,
// phase; for apps, instance), keeps only the newest MAX_LINES in the page, marks phases and stderr, and stops
// at an `end` event. Lines go in once per animation frame, so thousands a second do not freeze the page.
window.SlipwayLog = (function () {
  'use strict';

  const MAX_LINES = 1000;

  function lineElement(line) {
    const item = document.createElement('li');
    item.className = 'line ' + line.stream;
    item.dataset.seq = line.seq;
    if (line.stream === 'stderr') {
      const label = document.createElement('span');
      label.className = 'visually-hidden';
      label.textContent = 'stderr: ';
      item.appendChild(label);
    }
    if (line.instance) {
      const instance = document.createElement('span');
      instance.className = 'instance';
      instance.textContent = line.instance.substring(0, 9) + ' ';
      item.appendChild(instance);
    }
    const text = document.createElement('span');
    text.className = 'text';
    text.textContent = line.text;
    item.appendChild(text);
    return item;
  }

  function phaseElement(phase) {
    const item = document.createElement('li');
    item.className = 'phase';
    item.textContent = phase;
    return item;
  }

  /**
   * Follows `url` into `holder`'s #log-lines, telling the state in #log-state and showing #log-trimmed once
   * lines were dropped from the page. Returns the EventSource; `onEnd(status)` runs after an `end` event.
   */
  function follow(holder, url, onEnd) {
    const list = holder.querySelector('#log-lines');
    const state = holder.querySelector('#log-state');
    const trimmed = holder.querySelector('#log-trimmed');
    let pending = [];
    let lastPhase = null;
    let scheduled = false;

    function flush() {
      scheduled = false;
      if (pending.length === 0) {
        return;
      }
      const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
      const batch = document.createDocumentFragment();
      const first = Math.max(0, pending.length - MAX_LINES);
      for (let i = first; i < pending.length; i++) {
        const line = pending[i];
        if (line.phase && line.phase !== lastPhase) {
          lastPhase = line.phase;
          batch.appendChild(phaseElement(line.phase));
        }
        batch.appendChild(lineElement(line));
      }
      pending = [];
      list.appendChild(batch);
      let excess = list.children.length - MAX_LINES;
      if (excess > 0) {
        trimmed.hidden = false;
        while (excess-- > 0) {
          list.removeChild(list.firstChild);
        }
      }
      if (atBottom) {
        list.scrollTop = list.scrollHeight;
      }
    }

    const source = new EventSource(url);
    state.textContent = 'Following the log…';
    holder.dataset.following = 'true';
    source.addEventListener('line', function (event) {
      pending.push(JSON.parse(event.data));
      if (!scheduled) {
        scheduled = true;
        requestAnimationFrame(flush);
      }
    });
    source.addEventListener('end', function (event) {
      const status = JSON.parse(event.data).status;
      source.close();
      flush();
      holder.dataset.following = 'false';
      holder.dataset.ended = status;
      state.textContent = 'Deployment ended: ' + status + '.';
      if (onEnd) {
        onEnd(status);
      }
    });
    source.addEventListener('error', function () {
      if (source.readyState === EventSource.CLOSED) {
        holder.dataset.following = 'false';
        state.textContent = 'The log stream closed; reload the page to follow it again.';
      } else {
        state.textContent = 'Reconnecting…';
      }
    });
    source.addEventListener('open', function () {
      state.textContent = 'Following the log…';
    });
    return source;
  }

  return {follow: follow, MAX_LINES: MAX_LINES};
})();
