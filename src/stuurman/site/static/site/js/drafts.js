/*
 * Drafts saved as you type (stuurman.drafts; docs/adr/0007-drafts.md).
 *
 * Every <form data-draft> posts its fields to its own URL with the header "X-Stuurman-Draft: save",
 * 1.5 s after the last change. Until the server has a change, a copy waits in sessionStorage: this
 * tab only, gone when the tab closes, because personal data must not outlive the work on this device.
 * The copy is sent again when the connection returns, and put back into the form after a reload when
 * it is newer than the server's draft. Without script the form works as it always did.
 */
(function () {
  "use strict";

  var PREFIX = "stuurman-draft:";
  var DEBOUNCE_MS = 1500;
  var RETRY_MS = 20000;
  var TEXT = {
    saved: function (time) { return "Concept opgeslagen om " + time; },
    offline: "Geen verbinding: het concept staat op dit apparaat en wordt opgeslagen zodra er weer verbinding is.",
    failed: "Het concept kon niet worden opgeslagen. Het staat op dit apparaat; we proberen het zo opnieuw.",
    signedOut: "U bent niet meer ingelogd. Het concept staat op dit apparaat; log in dit tabblad opnieuw in om het op te slaan.",
    restored: function (time) {
      return "Uw concept van " + time + " stond nog op dit apparaat en is teruggezet.";
    },
    offlineSubmit: "Geen verbinding: vastleggen kan nu niet. Wat u typte staat op dit apparaat; probeer het zo opnieuw.",
    refused: "Het concept kon niet worden opgeslagen op de server. Het staat alleen op dit apparaat; leg het vast.",
    discardFailed: "Het concept kon niet worden weggegooid. Probeer het zo opnieuw.",
    logoutBlocked: "Er staat nog een concept op dit apparaat dat niet is opgeslagen. Probeer het zo opnieuw, " +
      "of klik nogmaals op Uitloggen om het weg te gooien."
  };

  // ---- The local copies: {fields: [[name, value]], at: ISO time, base: the server draft it follows}.
  // sessionStorage can be full or switched off; then the server draft is all there is.
  function readCopy(key) {
    try {
      var copy = JSON.parse(sessionStorage.getItem(PREFIX + key) || "null");
      return copy && Array.isArray(copy.fields) ? copy : null;
    } catch (error) {
      return null;
    }
  }

  function writeCopy(key, copy) {
    try { sessionStorage.setItem(PREFIX + key, JSON.stringify(copy)); } catch (error) { /* see readCopy */ }
  }

  function removeCopy(key) {
    try { sessionStorage.removeItem(PREFIX + key); } catch (error) { /* see readCopy */ }
  }

  function copyKeys() {
    var keys = [];
    try {
      for (var i = 0; i < sessionStorage.length; i++) {
        var name = sessionStorage.key(i);
        if (name && name.indexOf(PREFIX) === 0) keys.push(name.slice(PREFIX.length));
      }
    } catch (error) { /* see readCopy */ }
    return keys;
  }

  // ---- The form and the server.
  function fieldsOf(form) {
    var pairs = [];
    new FormData(form).forEach(function (value, name) {
      // Files are never part of a draft; the token is sent as a header.
      if (typeof value === "string" && name !== "csrfmiddlewaretoken") pairs.push([name, value]);
    });
    return pairs;
  }

  function fill(form, pairs) {
    var values = {};
    var seen = {};
    pairs.forEach(function (pair) { (values[pair[0]] = values[pair[0]] || []).push(pair[1]); });
    Array.prototype.forEach.call(form.elements, function (element) {
      var name = element.name;
      var type = element.type;
      // Hidden fields keep what the server rendered: they are not typed, and may be newer.
      if (!name || element.disabled || /^(file|hidden|submit|button|reset|image)$/.test(type)) return;
      var list = values[name] || [];
      if (type === "checkbox" || type === "radio") {
        element.checked = list.indexOf(element.value) !== -1;
      } else if (type === "select-multiple") {
        Array.prototype.forEach.call(element.options, function (option) {
          option.selected = list.indexOf(option.value) !== -1;
        });
      } else {
        var index = seen[name] || 0;
        seen[name] = index + 1;
        element.value = index < list.length ? list[index] : "";
      }
    });
  }

  function csrfToken(form) {
    var input = (form && form.querySelector("input[name=csrfmiddlewaretoken]")) ||
      document.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function post(url, command, pairs, token) {
    var body = new FormData();
    pairs.forEach(function (pair) { body.append(pair[0], pair[1]); });
    return fetch(url, {
      method: "POST",
      body: body,
      headers: { "X-Stuurman-Draft": command, "X-CSRFToken": token },
      credentials: "same-origin",
      // A redirect here is the login page: the session ended.
      redirect: "manual",
      cache: "no-store"
    });
  }

  function save(url, pairs, token) {
    if (navigator.onLine === false) return Promise.resolve({ state: "offline" });
    return post(url, "save", pairs, token).then(function (response) {
      if (response.type === "opaqueredirect" || response.status === 403) return { state: "signedOut" };
      if (response.status === 413) {
        return response.json().then(
          function (answer) { return { state: "tooLarge", message: answer.error }; },
          function () { return { state: "tooLarge", message: TEXT.failed }; }
        );
      }
      // Not involved any more, or a request the page does not understand: sending it again will not help.
      if (response.status >= 400 && response.status < 500) return { state: "refused" };
      if (!response.ok) return { state: "failed" };
      return response.json().then(function (answer) {
        return answer.saved_at ? { state: "saved", savedAt: answer.saved_at } : { state: "failed" };
      });
    }).catch(function () {
      return { state: navigator.onLine === false ? "offline" : "failed" };
    });
  }

  function timeOf(iso) {
    var when = new Date(iso);
    if (isNaN(when.getTime())) return "";
    return when.toLocaleTimeString("nl-NL", { hour: "2-digit", minute: "2-digit" });
  }

  function newerThanServer(copy, serverSavedAt) {
    if (!serverSavedAt || copy.base === serverSavedAt) return true;
    // The server got a save this copy did not know about (another tab): the later one wins.
    return Date.parse(copy.at) > Date.parse(serverSavedAt);
  }

  // ---- One form with drafts.
  function DraftForm(form) {
    this.form = form;
    this.url = form.action || window.location.href;
    this.key = new URL(this.url, window.location.href).pathname;
    this.status = form.querySelector("[data-draft-status]");
    this.discardButton = form.querySelector("[data-draft-discard]");
    this.base = form.getAttribute("data-draft-saved-at") || "";
    this.timer = null;
    this.inflight = null;
    this.again = false;
    this.failing = false;
    this.stopped = false;
    this.submitting = false;
    this.notice = "";
    this.synced = JSON.stringify(fieldsOf(form));
  }

  DraftForm.prototype.start = function () {
    var self = this;
    var copy = readCopy(this.key);
    if (copy) {
      if (JSON.stringify(copy.fields) === this.synced) {
        // A copy the server may not have (say, a submit that came back with errors): send it.
        this.synced = null;
        this.schedule(0);
      } else if (newerThanServer(copy, this.base)) {
        fill(this.form, copy.fields);
        // Kept in front of the next state, so that nobody misses that the fields were filled in.
        this.notice = TEXT.restored(timeOf(copy.at));
        this.say(this.notice);
        this.showDiscard();
        this.schedule(0);
      } else {
        removeCopy(this.key);
      }
    }
    var changed = function () { self.changed(); };
    this.form.addEventListener("input", changed);
    this.form.addEventListener("change", changed);
    this.form.addEventListener("submit", function (event) { self.submitted(event); });
  };

  DraftForm.prototype.say = function (text) {
    // Only real changes: a screen reader should not hear the same sentence after every pause in typing.
    if (this.status && this.status.textContent !== text) this.status.textContent = text;
  };

  DraftForm.prototype.showDiscard = function () {
    if (this.discardButton) this.discardButton.hidden = false;
  };

  DraftForm.prototype.changed = function () {
    if (this.stopped) return;
    var fields = fieldsOf(this.form);
    if (JSON.stringify(fields) === this.synced) {
      removeCopy(this.key);
      clearTimeout(this.timer);
      return;
    }
    // Written at once, not after the pause: a reload or a closed connection a second later loses nothing.
    writeCopy(this.key, { fields: fields, at: new Date().toISOString(), base: this.base });
    this.schedule(DEBOUNCE_MS);
  };

  DraftForm.prototype.schedule = function (delay) {
    var self = this;
    clearTimeout(this.timer);
    this.timer = setTimeout(function () { self.flush(); }, delay);
  };

  DraftForm.prototype.flush = function () {
    var self = this;
    clearTimeout(this.timer);
    if (this.stopped) return Promise.resolve();
    if (this.inflight) {
      this.again = true;
      return this.inflight;
    }
    var fields = fieldsOf(this.form);
    var text = JSON.stringify(fields);
    if (text === this.synced) {
      removeCopy(this.key);
      return Promise.resolve();
    }
    this.inflight = save(this.url, fields, csrfToken(this.form)).then(function (result) {
      self.inflight = null;
      self.settled(result, text);
      if (self.again) {
        self.again = false;
        self.flush();
      }
    });
    return this.inflight;
  };

  DraftForm.prototype.settled = function (result, text) {
    this.failing = result.state === "offline" || result.state === "failed" || result.state === "signedOut";
    var notice = this.notice ? this.notice + " " : "";
    if (result.state !== "saved") {
      this.say(notice + (result.state === "tooLarge" ? result.message : TEXT[result.state]));
      return;
    }
    this.notice = "";
    this.synced = text;
    this.base = result.savedAt;
    this.form.setAttribute("data-draft-saved-at", result.savedAt);
    if (JSON.stringify(fieldsOf(this.form)) === text) {
      removeCopy(this.key);
    } else {
      var copy = readCopy(this.key);
      if (copy) writeCopy(this.key, { fields: copy.fields, at: copy.at, base: this.base });
    }
    this.say(notice + TEXT.saved(timeOf(result.savedAt)) + ".");
    this.showDiscard();
  };

  DraftForm.prototype.stop = function () {
    this.stopped = true;
    clearTimeout(this.timer);
    return this.inflight || Promise.resolve();
  };

  DraftForm.prototype.submitted = function (event) {
    var self = this;
    var submitter = event.submitter;
    if (submitter && submitter.hasAttribute("data-draft-discard")) {
      event.preventDefault();
      this.discard();
      return;
    }
    if (this.submitting) return; // the second pass, below
    if (navigator.onLine === false) {
      event.preventDefault();
      this.say(TEXT.offlineSubmit);
      return;
    }
    this.submitting = true;
    // A save still on its way could land after the entry is saved and bring the draft back: wait for it.
    if (this.inflight) {
      event.preventDefault();
      this.stop().then(function () {
        if (self.form.requestSubmit) self.form.requestSubmit(submitter || undefined);
        else self.form.submit();
      });
    } else {
      this.stop();
    }
  };

  DraftForm.prototype.discard = function () {
    var self = this;
    this.stop().then(function () {
      return post(self.url, "discard", [], csrfToken(self.form));
    }).then(function (response) {
      if (response.status !== 204) throw new Error("discard refused");
      removeCopy(self.key);
      // A fresh, empty form; the page says the draft is gone.
      window.location.replace(window.location.href);
    }).catch(function () {
      self.stopped = false;
      self.say(TEXT.discardFailed);
    });
  };

  DraftForm.prototype.resume = function () {
    this.stopped = false;
    this.submitting = false;
  };

  // ---- The page.
  function sendCopy(key) {
    var copy = readCopy(key);
    if (!copy) return Promise.resolve({ state: "saved" });
    return save(key, copy.fields, csrfToken(null)).then(function (result) {
      if (result.state === "saved" || result.state === "refused") removeCopy(key);
      return result;
    });
  }

  function start() {
    var cleared = document.querySelector("meta[name=stuurman-drafts-cleared]");
    if (cleared) cleared.content.split(/\s+/).filter(Boolean).forEach(removeCopy);

    var forms = Array.prototype.map.call(document.querySelectorAll("form[data-draft]"), function (form) {
      var draftForm = new DraftForm(form);
      draftForm.start();
      return draftForm;
    });
    var onPage = forms.map(function (draftForm) { return draftForm.key; });
    // Copies of forms on other pages (left within a second of typing): hand them to the server now.
    var others = function () {
      return copyKeys().filter(function (key) { return onPage.indexOf(key) === -1; });
    };
    var retry = function () {
      forms.forEach(function (draftForm) { if (draftForm.failing) draftForm.flush(); });
      if (navigator.onLine !== false) others().forEach(sendCopy);
    };
    retry();
    window.addEventListener("online", retry);
    window.setInterval(retry, RETRY_MS);
    // Back from the next page (bfcache): the form is live again.
    window.addEventListener("pageshow", function (event) {
      if (event.persisted) forms.forEach(function (draftForm) { draftForm.resume(); });
    });

    Array.prototype.forEach.call(document.querySelectorAll("form[data-drafts-logout]"), function (logout) {
      guardLogout(logout, forms);
    });
  }

  // Logging out clears every local copy; first it tries to hand them to the server, so that leaving
  // never throws away what was typed in the last second. A second click logs out regardless.
  function guardLogout(logout, forms) {
    var status = logout.querySelector("[data-drafts-logout-status]");
    var forced = false;
    var clearAll = function () { copyKeys().forEach(removeCopy); };
    logout.addEventListener("submit", function (event) {
      if (forced || copyKeys().length === 0) {
        clearAll();
        return;
      }
      event.preventDefault();
      forced = true;
      Promise.all(forms.map(function (draftForm) { return draftForm.stop(); })).then(function () {
        return Promise.all(copyKeys().map(sendCopy));
      }).then(function (results) {
        if (results.every(function (result) { return result.state === "saved"; })) {
          clearAll();
          logout.submit();
        } else {
          forms.forEach(function (draftForm) { draftForm.resume(); });
          if (status) status.textContent = TEXT.logoutBlocked;
        }
      });
    });
  }

  start();
})();
