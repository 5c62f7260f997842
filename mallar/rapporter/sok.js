/* Sökningen i styrdokumenten: söker i registret i sidan (#sokindex), utan något utifrån. */
(function () {
  "use strict";
  var poster = JSON.parse(document.getElementById("sokindex").textContent);
  var falt = document.getElementById("sok");
  var lista = document.getElementById("sokresultat");
  var status = document.getElementById("sokstatus");

  function normal(text) {
    return text.normalize("NFC").toLocaleLowerCase("sv");
  }

  poster.forEach(function (p) {
    p.titelNormal = normal(p.titel);
    p.textNormal = normal(p.text);
  });

  function utdrag(post, ord) {
    var plats = post.textNormal.indexOf(ord);
    if (plats < 0) {
      return post.text.slice(0, 160) + (post.text.length > 160 ? " …" : "");
    }
    var start = Math.max(0, plats - 70);
    var slut = Math.min(post.text.length, plats + ord.length + 90);
    return (start > 0 ? "… " : "") + post.text.slice(start, slut) + (slut < post.text.length ? " …" : "");
  }

  function sok() {
    var ord = normal(falt.value).split(/\s+/).filter(function (o) { return o.length > 0; });
    lista.textContent = "";
    if (ord.length === 0) {
      status.textContent = "";
      return;
    }
    var traffar = poster.filter(function (p) {
      return ord.every(function (o) { return p.titelNormal.indexOf(o) >= 0 || p.textNormal.indexOf(o) >= 0; });
    });
    traffar.sort(function (a, b) {
      var ia = ord.filter(function (o) { return a.titelNormal.indexOf(o) >= 0; }).length;
      var ib = ord.filter(function (o) { return b.titelNormal.indexOf(o) >= 0; }).length;
      return ib - ia || a.titelNormal.localeCompare(b.titelNormal, "sv");
    });
    traffar.forEach(function (p) {
      var punkt = document.createElement("li");
      var lank = document.createElement("a");
      lank.href = p.adress;
      lank.textContent = p.titel;
      var slag = document.createElement("small");
      slag.textContent = " (" + p.slag + ", " + p.status + ")";
      var text = document.createElement("p");
      text.textContent = utdrag(p, ord[0]);
      punkt.append(lank, slag, text);
      lista.append(punkt);
    });
    var fras = "”" + falt.value.trim() + "”";
    status.textContent = traffar.length === 0
      ? "Inget styrdokument innehåller " + fras + "."
      : traffar.length + (traffar.length === 1 ? " dokument innehåller " : " dokument innehåller ") + fras + ".";
  }

  falt.addEventListener("input", sok);
  document.getElementById("sokformular").addEventListener("submit", function (e) {
    e.preventDefault();
    sok();
  });
  var fraga = new URLSearchParams(location.search).get("sok");
  if (fraga) {
    falt.value = fraga;
    sok();
  }
}());
