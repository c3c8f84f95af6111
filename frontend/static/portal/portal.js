// Producer portal: progressive enhancements only; every form also works without this file.
(function () {
  "use strict";
  // Drag-to-order photos: reorder the list items, then post the new order through the
  // same form the up/down buttons use (field "order" = media ids, comma separated).
  function initPhotos(list) {
    var form = document.getElementById(list.dataset.orderForm);
    if (!form) return;
    var dragged = null;
    list.querySelectorAll("li[data-id]").forEach(function (item) {
      item.draggable = true;
      item.addEventListener("dragstart", function (event) {
        dragged = item;
        item.classList.add("dragging");
        event.dataTransfer.effectAllowed = "move";
        event.dataTransfer.setData("text/plain", item.dataset.id);
      });
      item.addEventListener("dragend", function () {
        item.classList.remove("dragging");
      });
      item.addEventListener("dragover", function (event) {
        event.preventDefault();
        if (!dragged || dragged === item) return;
        var box = item.getBoundingClientRect();
        var after = event.clientX > box.left + box.width / 2;
        list.insertBefore(dragged, after ? item.nextSibling : item);
      });
      item.addEventListener("drop", function (event) {
        event.preventDefault();
        var ids = Array.prototype.map.call(list.querySelectorAll("li[data-id]"), function (li) {
          return li.dataset.id;
        });
        form.querySelector("input[name=order]").value = ids.join(",");
        form.submit();
      });
    });
  }
  // Behaviour is bound here, never in inline handlers: the Content-Security-Policy forbids them.
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("ul.photos[data-order-form]").forEach(initPhotos);
    // Filters apply as soon as a choice is made (a <noscript> button does it without JS).
    document.querySelectorAll("select[data-autosubmit]").forEach(function (select) {
      select.addEventListener("change", function () {
        select.form.submit();
      });
    });
    document.querySelectorAll("button[data-print]").forEach(function (button) {
      button.addEventListener("click", function () {
        window.print();
      });
    });
  });
})();
