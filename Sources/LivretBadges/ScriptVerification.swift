/// The scripts of the verification site (décision 52), inline in every page: no library, no
/// external file. They are the same bytes on every page, so that the pages' Content-Security-Policy
/// allows exactly them (by their SHA-256).
enum ScriptVerification {
    /// Verifies, in the visitor's browser, each credential embedded in a badge's page
    /// (`<script type="application/jwt" class="jeton">`), with the same rules as
    /// ``VerificationCredential``: ES256 signature (WebCrypto) with a key of the structure — a
    /// did:web key from `../../.well-known/did.json`, a did:jwk from the `kid` — that must also be
    /// one of the keys the site publishes in `../../badges/emetteur.json`; `iss`, `jti`, `sub`,
    /// `nbf`/`exp` consistent with the credential; not dated in the future; a retired key only for
    /// credentials issued before its retirement; then the revocation, from the signed status list
    /// (`../../badges/statuts.jwt`, W3C Bitstring Status List, the bit order of ``ListeStatuts``)
    /// or Livret's signed list (`../../badges/revocations.jwt`). Every fetch is relative to the
    /// page: the site works on any host. The verdict goes to `#verdict` (`data-verdict`:
    /// `authentique`, `revoque`, `expire`, `non-authentique`, `indetermine`); nothing is authentic
    /// unless every check passed, and any unexpected error leaves it undetermined.
    static let badge = #"""
"use strict";
(function () {
  var verdict = document.getElementById("verdict");
  if (!window.fetch || !window.crypto || !window.crypto.subtle || !window.TextDecoder || !window.Promise || !window.URL) {
    verdict.textContent = "Vérification impossible : ce navigateur est trop ancien (ou la page n'est pas servie en https). Ouvrez-la dans un navigateur récent.";
    verdict.setAttribute("data-verdict", "indetermine");
    return;
  }
  var MOIS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];
  function Refus(raison) { this.raison = raison; }
  function Doute(raison) { this.raison = raison; }

  function enLettres(date) {
    var d = new Date(date);
    if (isNaN(d.getTime())) return "(date illisible)";
    var j = d.getUTCDate();
    return (j === 1 ? "1er" : String(j)) + " " + MOIS[d.getUTCMonth()] + " " + d.getUTCFullYear();
  }
  function octets(b64u, quoi) {
    if (typeof b64u !== "string" || !/^[A-Za-z0-9_-]+$/.test(b64u) || b64u.length % 4 === 1) throw new Refus(quoi + " est illisible");
    var b = b64u.replace(/-/g, "+").replace(/_/g, "/");
    while (b.length % 4) b += "=";
    var bin = atob(b), u = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) u[i] = bin.charCodeAt(i);
    return u;
  }
  function b64u(u) {
    var s = "";
    for (var i = 0; i < u.length; i++) s += String.fromCharCode(u[i]);
    return btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }
  function objet(b64, quoi) {
    var o;
    try { o = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(octets(b64, quoi))); } catch (e) { throw new Refus(quoi + " est illisible"); }
    if (!o || typeof o !== "object" || Array.isArray(o)) throw new Refus(quoi + " est illisible");
    return o;
  }
  function decouper(jws, quoi) {
    var p = String(jws).trim().split(".");
    if (p.length !== 3) throw new Refus(quoi + " n'a pas la forme d'un document signé");
    return { entete: objet(p[0], quoi), charge: objet(p[1], quoi), signature: octets(p[2], quoi), entree: new TextEncoder().encode(p[0] + "." + p[1]) };
  }

  // The site's root, two levels above the page (« v/0D27-AE02/ »), whatever its host.
  var ici = location.href.replace(/[?#].*$/, "");
  if (!/\/$/.test(ici) && !/\/index\.html?$/.test(ici)) ici += "/";
  var racine = new URL("../../", ici);
  var lus = {};
  function lire(chemin) {
    if (!lus[chemin]) {
      lus[chemin] = (async function () {
        var controle = new AbortController();
        var minuterie = setTimeout(function () { controle.abort(); }, 15000);
        try {
          var reponse = await fetch(new URL(chemin, racine), { cache: "no-store", credentials: "omit", signal: controle.signal });
          if (!reponse.ok) throw new Doute("le fichier " + chemin + " est introuvable sur ce site (erreur " + reponse.status + ")");
          return await reponse.text();
        } catch (e) {
          if (e instanceof Doute) throw e;
          throw new Doute("le site n'a pas répondu (" + chemin + ") ; vérifiez la connexion et rechargez la page");
        } finally {
          clearTimeout(minuterie);
        }
      })();
    }
    return lus[chemin];
  }
  function lireJSON(chemin, quoi) {
    return lire(chemin).then(function (texte) {
      try { return JSON.parse(texte); } catch (e) { throw new Doute(quoi + " publié sur ce site est illisible"); }
    });
  }

  // The structure's published keys (the trust anchor) and the days its retired keys were retired.
  var emetteur = null;
  function emetteurPublie() {
    if (!emetteur) {
      emetteur = lireJSON("badges/emetteur.json", "le profil de la structure").then(function (doc) {
        var cles = doc && doc.cles && Array.isArray(doc.cles.keys) ? doc.cles.keys.filter(function (k) { return k && typeof k === "object"; }) : [];
        if (cles.length === 0) throw new Doute("ce site ne publie aucune clé de la structure");
        return { cles: cles, retraits: doc.retraits && typeof doc.retraits === "object" ? doc.retraits : {} };
      });
    }
    return emetteur;
  }
  function memeCle(a, b) { return a.kty === b.kty && a.crv === b.crv && a.x === b.x && a.y === b.y; }
  async function empreinte(jwk) {
    var canon = '{"crv":"' + jwk.crv + '","kty":"' + jwk.kty + '","x":"' + jwk.x + '","y":"' + jwk.y + '"}';
    return b64u(new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(canon))));
  }

  // The key that signed a document: named by its kid, and one of the structure's published keys.
  async function cleSignataire(entete, pub, quoi) {
    var kid = entete.kid;
    if (typeof kid !== "string" || kid === "") throw new Refus(quoi + " ne dit pas quelle clé l'a signé");
    var controleur = kid.split("#")[0], jwk;
    if (controleur.indexOf("did:jwk:") === 0) {
      if (kid !== controleur && kid !== controleur + "#0") throw new Refus("l'identifiant de la clé qui a signé " + quoi + " est mal formé");
      jwk = objet(controleur.slice(8), "la clé qui a signé " + quoi);
      if ("d" in jwk) throw new Refus("la clé qui a signé " + quoi + " est mal formée");
    } else if (controleur.indexOf("did:web:") === 0) {
      var doc = await lireJSON(".well-known/did.json", "le document did.json");
      if (!doc || doc.id !== controleur) throw new Refus(quoi + " se dit signé par " + controleur + ", dont ce site ne publie pas les clés");
      var methodes = Array.isArray(doc.verificationMethod) ? doc.verificationMethod : [];
      var methode = methodes.filter(function (m) { return m && m.id === kid; })[0];
      if (!methode || !methode.publicKeyJwk) throw new Refus(quoi + " a été signé par une clé que la structure ne publie pas");
      jwk = methode.publicKeyJwk;
    } else {
      jwk = pub.cles.filter(function (k) { return k.kid === kid; })[0];
      if (!jwk) throw new Refus(quoi + " a été signé par une clé que la structure ne publie pas");
    }
    if (!jwk || jwk.kty !== "EC" || jwk.crv !== "P-256" || typeof jwk.x !== "string" || typeof jwk.y !== "string") {
      throw new Refus("la clé qui a signé " + quoi + " n'est pas une clé P-256");
    }
    var publiee = pub.cles.filter(function (k) { return memeCle(k, jwk); })[0];
    if (!publiee) throw new Refus(quoi + " a été signé par une clé que la structure ne publie pas");
    if (controleur.indexOf("did:jwk:") !== 0) {
      if (kid !== controleur + "#" + await empreinte(jwk) || (publiee.kid !== undefined && publiee.kid !== kid)) {
        throw new Refus("l'identifiant de la clé qui a signé " + quoi + " ne correspond pas à cette clé");
      }
    }
    return { jwk: jwk, kid: kid, controleur: controleur };
  }

  // A compact JWS signed ES256 by one of the structure's published keys.
  async function jetonVerifie(jws, pub, quoi) {
    var jeton = decouper(jws, quoi);
    if (jeton.entete.alg !== "ES256") throw new Refus(quoi + " n'est pas signé en ES256");
    if (jeton.entete.typ !== "JWT" || Object.keys(jeton.entete).some(function (k) { return ["alg", "kid", "typ"].indexOf(k) < 0; })) {
      throw new Refus(quoi + " n'a pas l'en-tête d'un document signé par la structure");
    }
    var cle = await cleSignataire(jeton.entete, pub, quoi);
    if (jeton.signature.length !== 64) throw new Refus(quoi + " a une signature de longueur inattendue");
    var publique;
    try {
      publique = await crypto.subtle.importKey("jwk", { kty: "EC", crv: "P-256", x: cle.jwk.x, y: cle.jwk.y, ext: true },
                                               { name: "ECDSA", namedCurve: "P-256" }, false, ["verify"]);
    } catch (e) {
      throw new Refus("la clé qui a signé " + quoi + " n'est pas une clé valide");
    }
    var ok = await crypto.subtle.verify({ name: "ECDSA", hash: "SHA-256" }, publique, jeton.signature, jeton.entree);
    if (ok !== true) throw new Refus(quoi + " a été modifié après sa signature, ou signé par une autre clé");
    return { charge: jeton.charge, entete: jeton.entete, cle: cle };
  }

  // The claims of a verified credential, as VerificationCredential checks them.
  function revendications(c, cle, pub, maintenant) {
    var issuer = c.issuer;
    var idEmetteur = typeof issuer === "string" ? issuer : (issuer && typeof issuer === "object" ? issuer.id : undefined);
    if (typeof idEmetteur !== "string" || c.iss !== idEmetteur) throw new Refus("son émetteur (iss) ne correspond pas à la structure qui l'a délivré");
    if (cle.controleur !== idEmetteur) throw new Refus("il a été signé par une clé qui n'est pas celle de son émetteur");
    if (typeof c.id !== "string" || c.jti !== c.id) throw new Refus("son identifiant (jti) ne correspond pas");
    var types = [].concat(c.type || []);
    if (types.indexOf("VerifiableCredential") < 0 || types.indexOf("OpenBadgeCredential") < 0) throw new Refus("ce n'est pas un badge Open Badges");
    var sujet = c.credentialSubject;
    if (!sujet || typeof sujet !== "object" || !sujet.achievement || typeof sujet.achievement.name !== "string") throw new Refus("il ne dit pas ce qu'il atteste");
    if (sujet.id !== undefined && c.sub !== sujet.id) throw new Refus("son titulaire (sub) ne correspond pas");
    var debut = typeof c.validFrom === "string" ? Date.parse(c.validFrom) : NaN;
    if (isNaN(debut) || typeof c.nbf !== "number" || Math.floor(debut / 1000) !== Math.floor(c.nbf)) throw new Refus("sa date de délivrance est incohérente");
    if (debut > maintenant) throw new Refus("il est daté du " + enLettres(debut) + ", une date à venir");
    var fin = null;
    if (c.validUntil !== undefined || c.exp !== undefined) {
      fin = typeof c.validUntil === "string" ? Date.parse(c.validUntil) : NaN;
      if (isNaN(fin) || typeof c.exp !== "number" || Math.floor(fin / 1000) !== Math.floor(c.exp)) throw new Refus("sa date de fin de validité est incohérente");
    }
    var retrait = pub.retraits[cle.kid];
    if (typeof retrait === "string") {
      var r = Date.parse(retrait + "T00:00:00Z");
      if (isNaN(r) || debut > r) throw new Refus("il a été signé par une clé que la structure a retirée le " + enLettres(r) + ", avant la date du badge");
    }
    return { nom: issuer && typeof issuer.name === "string" ? issuer.name : idEmetteur, debut: debut, fin: fin };
  }

  // A list the site publishes, verified; a list that is not the structure's leaves the revocation undetermined.
  async function liste(chemin, pub, quoi) {
    try {
      return await jetonVerifie(await lire(chemin), pub, quoi);
    } catch (e) {
      if (e instanceof Refus) throw new Doute(quoi + " publié sur ce site n'est pas authentique (" + e.raison + ")");
      throw e;
    }
  }

  // The credential's bit in the signed status list: set when revoked.
  async function bitStatut(entree, pub) {
    var quoi = "le registre des badges révoqués";
    if (!entree || typeof entree !== "object" || entree.type !== "BitstringStatusListEntry" || entree.statusPurpose !== "revocation"
        || !/^[0-9]{1,9}$/.test(String(entree.statusListIndex)) || typeof entree.statusListCredential !== "string") {
      throw new Refus("sa référence à la liste des badges révoqués est mal formée");
    }
    var l = await liste("badges/statuts.jwt", pub, quoi);
    var c = l.charge, url = entree.statusListCredential, s = c.credentialSubject || {};
    if (c.id !== url || c.jti !== url) throw new Doute(quoi + " publié sur ce site n'est pas celui que le badge désigne (" + url + ")");
    if ([].concat(c.type || []).indexOf("BitstringStatusListCredential") < 0 || c.iss !== l.cle.controleur || s.statusPurpose !== "revocation"
        || typeof s.encodedList !== "string" || s.encodedList.charAt(0) !== "u") {
      throw new Doute(quoi + " publié sur ce site est mal formé");
    }
    if (typeof DecompressionStream !== "function") throw new Doute("ce navigateur est trop ancien pour lire " + quoi + " ; ouvrez la page dans un navigateur récent");
    var gz;
    try { gz = octets(s.encodedList.slice(1), quoi); } catch (e) { throw new Doute(quoi + " publié sur ce site est illisible"); }
    var bits;
    try {
      bits = new Uint8Array(await new Response(new Blob([gz]).stream().pipeThrough(new DecompressionStream("gzip"))).arrayBuffer());
    } catch (e) {
      throw new Doute(quoi + " publié sur ce site est illisible");
    }
    var i = Number(entree.statusListIndex);
    if (i >= bits.length * 8) throw new Doute("la place du badge dépasse " + quoi);
    return (bits[Math.floor(i / 8)] & (0x80 >> (i % 8))) !== 0;
  }

  // The credential's entry in Livret's signed revocation list, or null.
  async function revocationLivret(id, pub) {
    var quoi = "le registre des révocations";
    var l = await liste("badges/revocations.jwt", pub, quoi);
    var c = l.charge;
    if (c.type !== "ListeRevocationLivret" || c.emetteur !== l.cle.controleur || !Array.isArray(c.revocations)) {
      throw new Doute(quoi + " publié sur ce site est mal formé");
    }
    return c.revocations.filter(function (r) { return r && r.credential === id; })[0] || null;
  }

  // What the page shows of a credential: only from its verified content, as text.
  function afficher(article, c) {
    var realisation = c.credentialSubject.achievement;
    var champs = {
      nom: realisation.name,
      emetteur: c.issuer && typeof c.issuer.name === "string" ? c.issuer.name : "",
      date: enLettres(c.validFrom),
      description: typeof realisation.description === "string" ? realisation.description : "",
      criteres: realisation.criteria && typeof realisation.criteria.narrative === "string" ? realisation.criteria.narrative : ""
    };
    Object.keys(champs).forEach(function (cle) {
      var zone = article.querySelector(".b-" + cle);
      if (zone) zone.textContent = champs[cle];
    });
  }

  async function verifierBadge(article, maintenant) {
    var garantie = article.querySelector(".garantie");
    try {
      var jeton = article.querySelector("script.jeton");
      if (!jeton || !jeton.textContent.trim()) throw new Refus("la page ne contient pas de badge signé");
      var pub = await emetteurPublie();
      var v = await jetonVerifie(jeton.textContent, pub, "le badge");
      var c = v.charge;
      var info = revendications(c, v.cle, pub, maintenant);
      afficher(article, c);
      var revoque = false, entree = null;
      if (c.credentialStatus !== undefined) {
        revoque = await bitStatut(c.credentialStatus, pub);
        try { entree = await revocationLivret(c.id, pub); } catch (e) { entree = null; }
      } else {
        entree = await revocationLivret(c.id, pub);
      }
      if (garantie) garantie.textContent = "Ces informations sont celles du badge signé par la structure.";
      if (revoque || entree) {
        return { verdict: "revoque", texte: "Ce badge a été révoqué" + (entree && entree.date ? " le " + enLettres(entree.date) : "")
                 + " par " + info.nom + " : il ne vaut plus. Il avait été délivré le " + enLettres(info.debut) + "." };
      }
      if (info.fin !== null && info.fin <= maintenant) {
        return { verdict: "expire", texte: "Ce badge a expiré le " + enLettres(info.fin) + " : délivré par " + info.nom + " le " + enLettres(info.debut) + ", il n'est plus valable." };
      }
      return { verdict: "authentique", texte: "Badge authentique, délivré par " + info.nom + ", le " + enLettres(info.debut) + ", non révoqué." };
    } catch (e) {
      if (garantie) garantie.textContent = "Ces informations ne sont pas garanties : ne vous y fiez pas.";
      if (e instanceof Refus) return { verdict: "non-authentique", texte: "Ce badge n'est pas authentique : " + e.raison + "." };
      if (e instanceof Doute) return { verdict: "indetermine", texte: "Vérification impossible : " + e.raison + "." };
      return { verdict: "indetermine", texte: "Vérification impossible : erreur inattendue du navigateur (" + (e && e.name ? e.name : "inconnue") + ")." };
    }
  }

  (async function () {
    var articles = Array.prototype.slice.call(document.querySelectorAll("article.badge"));
    var maintenant = Date.now();
    var resultats = [];
    for (var i = 0; i < articles.length; i++) {
      var r = await verifierBadge(articles[i], maintenant);
      var etat = articles[i].querySelector(".etat");
      if (etat) { etat.textContent = r.texte; etat.setAttribute("data-verdict", r.verdict); }
      resultats.push(r);
    }
    if (resultats.length === 0) {
      resultats.push({ verdict: "non-authentique", texte: "Ce badge n'est pas authentique : la page ne contient pas de badge signé." });
    }
    var memes = resultats.every(function (r) { return r.verdict === resultats[0].verdict; });
    verdict.setAttribute("data-verdict", memes ? resultats[0].verdict : "plusieurs");
    verdict.textContent = resultats.length === 1 ? resultats[0].texte
      : resultats.length + " badges portent ce code : " + resultats.map(function (r, n) { return "badge " + (n + 1) + ", " + r.texte; }).join(" ");
  })().catch(function (e) {
    verdict.setAttribute("data-verdict", "indetermine");
    verdict.textContent = "Vérification impossible : erreur inattendue du navigateur.";
  });
})();
"""#

    /// The page where a code is typed by hand: written the canonical way (« 0d27 ae02 »,
    /// « 0D27AE02 » → « 0D27-AE02 », as ``CodeBadge/normaliser(_:)``), then opens `./<CODE>/`.
    static let saisie = #"""
"use strict";
(function () {
  var formulaire = document.getElementById("saisie");
  var champ = document.getElementById("code");
  var erreur = document.getElementById("erreur-code");
  function normaliser(texte) {
    var hex = String(texte).replace(/[\s-]/g, "").toUpperCase();
    return /^[0-9A-F]{8}$/.test(hex) ? hex.slice(0, 4) + "-" + hex.slice(4) : null;
  }
  function aller(texte) {
    var code = normaliser(texte);
    if (!code) {
      champ.setAttribute("aria-invalid", "true");
      erreur.textContent = "« " + texte + " » n'est pas un code de badge : il a 8 chiffres ou lettres de A à F, par exemple 0D27-AE02.";
      champ.focus();
      return;
    }
    champ.removeAttribute("aria-invalid");
    erreur.textContent = "";
    location.assign("./" + code + "/");
  }
  formulaire.addEventListener("submit", function (evenement) {
    evenement.preventDefault();
    aller(champ.value);
  });
  var demande = new URLSearchParams(location.search).get("code");
  if (demande) { champ.value = demande; aller(demande); }
})();
"""#
}
