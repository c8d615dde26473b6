// The logs tab: follows the service's application log (see logview.js).
document.addEventListener('DOMContentLoaded', function () {
  'use strict';
  const holder = document.getElementById('app-log');
  if (holder) {
    SlipwayLog.follow(holder, holder.dataset.stream);
  }
});
