// The deployments tab: follows the shown deployment's log (see logview.js) and, while the tab follows the
// newest deployment, moves on to a newer one as soon as the refreshed list shows it.
(function () {
  'use strict';

  let source = null;

  function start(detail) {
    if (source) {
      source.close();
      source = null;
    }
    if (detail) {
      source = SlipwayLog.follow(detail, detail.dataset.stream);
    }
  }

  function currentDetail() {
    return document.getElementById('deployment-detail');
  }

  document.addEventListener('htmx:afterSwap', function (event) {
    const rows = event.detail.target;
    if (!rows || rows.id !== 'deployment-rows' || !rows.dataset.newest) {
      return;
    }
    const detail = currentDetail();
    if (detail && (detail.dataset.followNewest !== 'true' || detail.dataset.deployment === rows.dataset.newest)) {
      return;
    }
    const service = document.querySelector('.service-head').dataset.service;
    const url = '/services/' + encodeURIComponent(service) + '/deployments/'
      + encodeURIComponent(rows.dataset.newest) + '/detail?follow-newest=true';
    fetch(url, {headers: {'HX-Request': 'true'}}).then(function (response) {
      return response.ok ? response.text() : null;
    }).then(function (html) {
      if (html === null) {
        return;
      }
      const holder = document.createElement('template');
      holder.innerHTML = html;
      const fresh = holder.content.querySelector('#deployment-detail');
      const old = currentDetail();
      if (old) {
        old.replaceWith(fresh);
      } else {
        document.getElementById('deployment-list').after(fresh);
      }
      htmx.process(fresh);
      start(fresh);
    });
  });

  document.addEventListener('DOMContentLoaded', function () {
    start(currentDetail());
  });
})();
