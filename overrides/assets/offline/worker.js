/* Offline copy only (loaded first in <head> by the offline build, netwerkkracht/hosting/package.py).
   Opened from disk (file://), Chromium refuses `new Worker(...)`, and Material's search runs in a
   worker. This runs a worker script in a hidden same-origin frame instead: messages go in as
   "message" events on the frame's window, postMessage() from the script comes back out, and
   importScripts() loads scripts in order and returns a promise (Material's search worker waits
   for it, and finds the language files next to its own <script src> when `IFrameWorker` exists). */
(function () {
  "use strict";
  if (location.protocol !== "file:") return;
  function FileWorker(url) {
    var listeners = [], inbox = [], frame = document.createElement("iframe"), started = false, self = this;
    this.onmessage = null;
    function deliver(data) {
      var event = new MessageEvent("message", { data: structuredClone(data) });
      if (typeof self.onmessage === "function") self.onmessage(event);
      listeners.forEach(function (l) { l.call(self, event); });
    }
    function send(data) {
      var w = frame.contentWindow;
      w.dispatchEvent(new w.MessageEvent("message", { data: structuredClone(data) }));
    }
    frame.hidden = true;
    frame.tabIndex = -1;
    frame.setAttribute("aria-hidden", "true");
    frame.title = "zoekfunctie";
    frame.srcdoc = "<!doctype html><title>zoekfunctie</title>";
    frame.addEventListener("load", function () {
      var w = frame.contentWindow, doc = frame.contentDocument;
      w.postMessage = function (data) { deliver(data); };
      w.importScripts = function () {
        var urls = Array.prototype.slice.call(arguments);
        return urls.reduce(function (chain, src) {
          return chain.then(function () {
            return new Promise(function (resolve, reject) {
              var s = doc.createElement("script");
              s.src = new URL(src, url).href;
              s.onload = resolve;
              s.onerror = function () { reject(new Error("kan " + src + " niet laden")); };
              doc.head.appendChild(s);
            });
          });
        }, Promise.resolve());
      };
      w.importScripts(url).then(function () {
        started = true;
        inbox.splice(0).forEach(send);
      });
    }, { once: true });
    (document.body || document.documentElement).appendChild(frame);
    this.postMessage = function (data) { started ? send(data) : inbox.push(data); };
    this.addEventListener = function (type, fn) { if (type === "message") listeners.push(fn); };
    this.removeEventListener = function (type, fn) { listeners = listeners.filter(function (l) { return l !== fn; }); };
    this.terminate = function () { frame.remove(); listeners = []; };
  }

  window.IFrameWorker = FileWorker;
  window.Worker = function (url) { return new FileWorker(new URL(String(url), location.href).href); };
})();
