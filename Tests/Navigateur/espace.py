"""The learner's space driven by a real browser (headless Chromium through Selenium), as a learner
uses it: sign in with a code, look at every page, choose the CV, download the CV and the badge
bundle, change a consent, give an opinion, ask for erasure, sign out. Every page is audited by
axe-core (WCAG 2.x A/AA and best practices) at 1280 px and at a phone's 390 px; screenshots are
written when a folder is given. A session must never reach another learner's data; an expired or
reused code is refused.

usage: python espace.py URL --code C --autre-code C2 --code-expire C3 --nom-autre NOM
                        --nom NOM --telechargements DOSSIER [--captures DOSSIER]
Prints one line per check; exits 1 at the first failure (with the reason), 0 when all pass.
The venv (selenium, axe.min.js) is prepared by scripts/installer-dependances.
"""
import argparse, json, os, pathlib, sys, time, urllib.error, urllib.request
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
LARGEURS = {"ordinateur": 1280, "telephone": 390}


class Echec(Exception):
    pass


def verifier(condition, message):
    if not condition:
        raise Echec(message)
    print("ok   " + message)


class Navigateur:
    def __init__(self, base, telechargements, captures, axe):
        self.base, self.captures, self.axe = base.rstrip("/"), captures, axe
        o = Options()
        for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--lang=fr-FR", "--window-size=1280,900"):
            o.add_argument(arg)
        o.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
        o.add_experimental_option("prefs", {"download.default_directory": str(telechargements),
                                            "download.prompt_for_download": False, "safebrowsing.enabled": False})
        # Under a loaded machine (tests in parallel), Chromium sometimes fails to start the first
        # time (« DevToolsActivePort file doesn't exist »): the browser's start is tried three times.
        for essai in range(3):
            try:
                self.d = webdriver.Chrome(service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")), options=o)
                break
            except Exception as e:
                if essai == 2:
                    raise
                print("Chromium n'a pas démarré (%s) : nouvel essai" % str(e).splitlines()[0])
                time.sleep(2)
        self.d.set_script_timeout(120)
        self.d.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(telechargements)})
        self.telechargements = pathlib.Path(telechargements)

    def aller(self, chemin):
        self.d.get(self.base + chemin)

    def texte(self):
        return self.d.find_element(By.TAG_NAME, "body").text

    def auditer(self, nom):
        """axe-core on the page as it is, at both widths; a screenshot of each when asked."""
        for largeur_nom, largeur in LARGEURS.items():
            self.d.set_window_size(largeur, 900)
            self.d.execute_script(self.axe)
            r = self.d.execute_async_script(
                "var cb = arguments[arguments.length-1];"
                "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}}).then(r => cb(r)).catch(e => cb({error: String(e)}));",
                TAGS)
            if "error" in r:
                raise Echec("%s (%s) : axe n'a pas pu tourner : %s" % (nom, largeur_nom, r["error"]))
            v = r["violations"]
            details = "; ".join("%s (%s) %s" % (x["id"], x["impact"], [n.get("target") for n in x["nodes"][:3]]) for x in v)
            verifier(not v, "%s à %d px : aucune violation d'accessibilité%s" % (nom, largeur, (" — " + details) if v else ""))
            # Readable at a phone's width: nothing wider than the window.
            large = self.d.execute_script("return document.documentElement.scrollWidth")
            verifier(large <= largeur, "%s à %d px : rien ne dépasse la largeur (%d px)" % (nom, largeur, large))
            if self.captures:
                hauteur = self.d.execute_script("return document.documentElement.scrollHeight")
                self.d.set_window_size(largeur, max(600, min(hauteur, 6000)))
                self.d.save_screenshot(str(pathlib.Path(self.captures) / ("%s-%d.png" % (nom, largeur))))
        self.d.set_window_size(1280, 900)

    def entrer(self, code):
        self.aller("/")
        champ = self.d.find_element(By.ID, "code")
        champ.clear()
        champ.send_keys(code)
        self.soumettre(lambda: champ.send_keys(Keys.ENTER))  # the keyboard alone

    def soumettre(self, action):
        """Does `action` (a click, a key) and waits for the next page to replace this one."""
        ancien = self.d.find_element(By.TAG_NAME, "html")
        action()
        WebDriverWait(self.d, 30).until(EC.staleness_of(ancien))

    def attendre_fichier(self, nom, delai=30):
        chemin = self.telechargements / nom
        fin = time.time() + delai
        while time.time() < fin:
            if chemin.exists() and not (self.telechargements / (nom + ".crdownload")).exists() and chemin.stat().st_size > 0:
                return chemin
            time.sleep(0.2)
        raise Echec("le fichier %s n'a pas été téléchargé" % nom)

    def cookie_session(self):
        c = self.d.get_cookie("livret_espace")
        return c["value"] if c else None


def requete(base, chemin, cookie=None, donnees=None, origine=None, hote=None):
    """A request outside the browser (another learner's attempts, forged forms); returns (status, body)."""
    r = urllib.request.Request(base + chemin, data=donnees.encode() if donnees is not None else None)
    if cookie:
        r.add_header("Cookie", "livret_espace=" + cookie)
    if origine:
        r.add_header("Origin", origine)
    if hote:
        r.add_header("Host", hote)

    class SansRedirection(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *a, **k):
            return None
    try:
        with urllib.request.build_opener(SansRedirection).open(r, timeout=30) as rep:
            return rep.status, rep.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8", "replace")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("url")
    ap.add_argument("--code", required=True)
    ap.add_argument("--autre-code", required=True)
    ap.add_argument("--code-expire", required=True)
    ap.add_argument("--nom", required=True)
    ap.add_argument("--nom-autre", required=True)
    ap.add_argument("--telechargements", required=True)
    ap.add_argument("--captures")
    a = ap.parse_args()
    axe = pathlib.Path(os.environ["AXE_JS"]).read_text()
    n = Navigateur(a.url, a.telechargements, a.captures, axe)
    try:
        # Sign-in page, then a wrong and an expired code.
        n.aller("/")
        verifier("Entrer dans mon espace" in n.d.title, "la page d'entrée s'ouvre")
        n.auditer("entree")
        n.entrer("000 000")
        verifier("Ce code ne marche pas" in n.texte(), "un code faux est refusé, en mots simples")
        n.auditer("entree-erreur")
        n.entrer(a.code_expire)
        verifier("Ce code ne marche pas" in n.texte(), "un code trop vieux est refusé")

        # The other learner signs in elsewhere (outside this browser): her session cookie.
        n.entrer(a.autre_code)
        verifier("Bonjour" in n.texte(), "l'autre apprenante entre avec son code")
        cookie_autre = n.cookie_session()
        n.d.delete_all_cookies()

        # Our learner.
        n.entrer(a.code)
        verifier("Bonjour" in n.texte() and "Mon espace" in n.d.title, "l'apprenante entre avec son code")
        cookie = n.cookie_session()
        verifier(cookie and cookie != cookie_autre, "chaque session a son propre cookie")
        n.auditer("accueil")
        pages = ["/savoir-faire", "/parcours", "/pix", "/badges", "/cv", "/avis", "/donnees"]
        for p in pages:
            n.aller(p)
            verifier(a.nom_autre not in n.texte(), "%s ne montre rien de l'autre apprenante" % p)
            n.auditer(p.strip("/"))
        # Every page reached from the home page with the keyboard alone: Tab to the link, Enter.
        n.aller("/")
        body = n.d.find_element(By.TAG_NAME, "body")
        vus = set()
        for _ in range(30):
            body.send_keys(Keys.TAB)
            actif = n.d.switch_to.active_element
            href = actif.get_attribute("href") or ""
            if href:
                vus.add(href.replace(a.url.rstrip("/"), ""))
        verifier(all(p in vus for p in pages), "chaque rubrique s'atteint au clavier depuis l'accueil")

        # The CV: first name, no Pix, one badge fewer; saved; then the document and the downloads.
        n.aller("/cv")
        n.d.find_element(By.CSS_SELECTOR, "input[name=identite][value=prenom]").click()
        pix = n.d.find_element(By.CSS_SELECTOR, "input[name=section][value=pix]")
        if pix.is_selected():
            pix.click()
        badges = n.d.find_elements(By.CSS_SELECTOR, "input[name=badge]")
        verifier(len(badges) >= 2, "la page du CV liste les badges de l'apprenante")
        retire = badges[-1].get_attribute("value")
        if badges[-1].is_selected():
            badges[-1].click()
        n.soumettre(n.d.find_element(By.CSS_SELECTOR, "form[action='/cv'] button[type=submit]").click)
        verifier("Votre choix est enregistré" in n.texte(), "le choix du CV est enregistré")
        n.auditer("cv-enregistre")
        n.aller("/cv/document")
        document = n.texte()
        verifier("Pix" not in document.split("Compétences numériques", 1)[-1] or "Niveau" not in document, "le CV ne montre pas Pix")
        n.auditer("cv-document")
        n.aller("/cv")
        n.d.find_element(By.CSS_SELECTOR, "a[href='/cv/telecharger']").click()
        cv = n.attendre_fichier("mon-cv.html")
        verifier("<html" in cv.read_text(encoding="utf-8"), "le CV se télécharge (%s)" % cv.name)
        n.d.find_element(By.CSS_SELECTOR, "a[href='/badges/paquet']").click()
        paquet = n.attendre_fichier("mes-badges.zip")
        verifier(paquet.read_bytes()[:2] == b"PK", "le paquet de badges se télécharge (%s)" % paquet.name)
        print("badge-retire " + retire)

        # Consent: no statistics.
        n.aller("/donnees")
        n.d.find_element(By.CSS_SELECTOR, "input[name=statistiques][value=non]").click()
        n.soumettre(n.d.find_element(By.CSS_SELECTOR, "form[action='/donnees/accords'] button").click)
        verifier("Vos accords sont enregistrés" in n.texte(), "l'accord aux statistiques est retiré")
        n.auditer("donnees-accords")
        n.d.find_element(By.CSS_SELECTOR, "a[href='/donnees/export']").click()
        export = json.loads(n.attendre_fichier("mes-donnees.json").read_text(encoding="utf-8"))
        verifier(a.nom_autre not in json.dumps(export, ensure_ascii=False), "l'export de ses données ne contient que les siennes")

        # Opinion, when there is something to give it on.
        n.aller("/avis")
        if n.d.find_elements(By.CSS_SELECTOR, "form[action='/avis']"):
            for q in range(1, 5):
                n.d.find_element(By.CSS_SELECTOR, "input[name=q%d][value='4']" % q).click()
            n.d.find_element(By.ID, "aide").send_keys("La patience de la formatrice")
            n.soumettre(n.d.find_element(By.CSS_SELECTOR, "form[action='/avis'] button").click)
            verifier("Merci pour votre avis" in n.texte(), "l'avis est envoyé, cité sans nom par défaut")
            n.auditer("avis-merci")

        # Security: forged forms and another learner's session.
        statut, _ = requete(a.url, "/donnees/accords", cookie=cookie, donnees="suivi=non&badges=non&statistiques=non&coop=non")
        verifier(statut == 403, "un changement sans la valeur anti-falsification est refusé (%d)" % statut)
        csrf = n.d.find_element(By.CSS_SELECTOR, "input[name=csrf]").get_attribute("value")
        statut, _ = requete(a.url, "/donnees/effacement", cookie=cookie, donnees="csrf=%s&confirmer=oui" % csrf, origine="http://exemple.fr")
        verifier(statut == 403, "un formulaire venu d'un autre site est refusé (%d)" % statut)
        statut, _ = requete(a.url, "/donnees/effacement", cookie=cookie_autre, donnees="csrf=%s&confirmer=oui" % csrf)
        verifier(statut == 403, "la valeur anti-falsification d'une session ne sert pas à une autre (%d)" % statut)
        # The other learner's session, asking for this one's pages by every means an address allows.
        for p in pages + ["/donnees/export", "/cv/document", "/cv/telecharger", "/savoir-faire?apprenant=A-0001",
                          "/apprenant/A-0001", "/donnees/export?identifiant=A-0001"]:
            statut, corps = requete(a.url, p, cookie=cookie_autre)
            verifier(a.nom not in corps, "session de l'autre apprenante : %s ne donne rien de celle-ci (%d)" % (p, statut))
        statut, _ = requete(a.url, "/", hote="attaquant.example")
        verifier(statut == 421, "une adresse qu'un autre site contrôle est refusée (rebinding DNS) (%d)" % statut)
        statut, _ = requete(a.url, "/savoir-faire")
        verifier(statut == 303, "sans session, une page renvoie vers l'entrée (%d)" % statut)

        # Erasure request.
        n.aller("/donnees")
        n.d.find_element(By.CSS_SELECTOR, "input[name=confirmer]").click()
        n.soumettre(n.d.find_element(By.CSS_SELECTOR, "form[action='/donnees/effacement'] button").click)
        verifier("Votre demande est envoyée" in n.texte(), "la demande d'effacement est envoyée")
        n.auditer("donnees-effacement")

        # Sign out: the old cookie opens nothing; the code does not serve twice.
        n.soumettre(n.d.find_element(By.CSS_SELECTOR, "form[action='/fin'] button").click)
        verifier("Votre espace est fermé" in n.texte(), "l'apprenante ferme son espace")
        statut, _ = requete(a.url, "/savoir-faire", cookie=cookie)
        verifier(statut == 303, "après « Terminer », l'ancien cookie n'ouvre plus rien (%d)" % statut)
        n.entrer(a.code)
        verifier("Ce code ne marche pas" in n.texte(), "un code déjà utilisé est refusé")
        n.aller("/page-qui-n-existe-pas")
        n.auditer("introuvable")
    except Exception as e:
        import traceback
        print("ÉCHEC " + (str(e) if isinstance(e, Echec) else "erreur inattendue : " + repr(e)))
        if not isinstance(e, Echec):
            traceback.print_exc(file=sys.stdout)
        try:
            print("Page : %s\n%s" % (n.d.current_url, n.texte()[:1500]))
        except Exception:
            pass
        return 1
    finally:
        n.d.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
