import Foundation
import LivretCore
import LivretServices
import LivretStore
import LivretTerminal
import LivretTUI

/// Timings of the terminal UI on an existing base, headless at 80×24 (the same `Application`,
/// `Executeur` and drawing as the real UI; the diff is computed as for the terminal).
enum BancInterface {
    struct Resultat {
        var premierEcran: (mediane: Double, p95: Double)
        var requeteAccueil: (mediane: Double, p95: Double)
        var ouvrirBase: (mediane: Double, p95: Double)
        var toucheAccueil: (mediane: Double, p95: Double, max: Double)
        var ouvrirCohorte: (mediane: Double, p95: Double)
        var toucheCohorte: (mediane: Double, p95: Double, max: Double)
        var ouvrirApprenant: (mediane: Double, p95: Double)
        var toucheApprenant: (mediane: Double, p95: Double, max: Double)
        var cohortes: Int
        var memoireMaxMio: Double
    }

    static let taille = Taille(largeur: 80, hauteur: 24)

    static func poste(_ chemin: String, catalogue: Catalogue) throws -> Poste {
        try Poste(cheminBase: chemin, catalogue: catalogue, dossierCles: URL(fileURLWithPath: NSTemporaryDirectory()),
                  nomFormateur: nil, jour: Jour(annee: 2024, mois: 8, jour: 26)!)
    }

    /// One key on the current screen, then the frame and its diff against the previous one.
    static func touche(_ session: inout SessionScriptee, _ touche: Touche, precedent: inout Tampon) {
        session.taper(touche)
        let tampon = session.tampon
        _ = Differentiel.sequence(de: precedent, vers: tampon, couleurs: true)
        precedent = tampon
    }

    static func repeterTouches(_ session: inout SessionScriptee, fois: Int, touches: [Touche]) -> (mediane: Double, p95: Double, max: Double) {
        var precedent = session.tampon
        var mesures: [Double] = []
        for i in 0..<fois {
            mesures.append(Chrono.mesurer { touche(&session, touches[i % touches.count], precedent: &precedent) } * 1000)
        }
        mesures.sort()
        return (mesures[mesures.count / 2], mesures[min(mesures.count - 1, Int(Double(mesures.count) * 0.95))], mesures.last!)
    }

    static func mesurer(chemin: String, catalogue: Catalogue, repetitions: Int) throws -> Resultat {
        // First screen: open the base, load the cohorts, draw the full frame (what `livret` does at start).
        var nombreCohortes = 0
        let premier = try Chrono.repeter(repetitions) { _ in
            let session = SessionScriptee(poste: try poste(chemin, catalogue: catalogue), taille: taille)
            _ = Differentiel.sequence(de: nil, vers: session.tampon, couleurs: true)
            if case let accueil as EcranAccueil = session.application.ecran { nombreCohortes = accueil.nombreCohortes }
        }
        let ouvrirBase = try Chrono.repeter(repetitions) { _ in _ = try poste(chemin, catalogue: catalogue) }
        let posteMesure = try poste(chemin, catalogue: catalogue)
        let requete = try Chrono.repeter(repetitions) { _ in
            _ = try posteMesure.db!.resumesCohortes(au: Jour(annee: 2024, mois: 8, jour: 26)!)
        }
        var session = SessionScriptee(poste: try poste(chemin, catalogue: catalogue), taille: taille)
        // Down through the cohorts, a page at times, as a formateur scrolls.
        let accueil = repeterTouches(&session, fois: 2_000, touches: Array(repeating: .bas, count: 9) + [.pageBas])
        session.taper(.debut)
        var ouvertures: [Double] = []
        var touchesCohorte: [Double] = []
        var ouverturesApprenant: [Double] = []
        var touchesApprenant: [Double] = []
        for i in 0..<repetitions {
            session.taper(.bas)
            ouvertures.append(Chrono.mesurer { session.taper(.entree); _ = session.tampon } * 1000)
            let t = repeterTouches(&session, fois: 50, touches: [.bas, .bas, .haut])
            touchesCohorte.append(t.max)
            ouverturesApprenant.append(Chrono.mesurer { session.taper(.entree); _ = session.tampon } * 1000)
            let a = repeterTouches(&session, fois: 100, touches: [.bas, .bas, .bas, .pageBas, .haut])
            touchesApprenant.append(a.max)
            session.taper(.echap, .echap)
            if i % 5 == 4 { session.taper(.pageBas) }
        }
        func stats(_ m: [Double]) -> (mediane: Double, p95: Double) {
            let s = m.sorted()
            return (s[s.count / 2], s[min(s.count - 1, Int(Double(s.count) * 0.95))])
        }
        func statsMax(_ m: [Double]) -> (mediane: Double, p95: Double, max: Double) {
            let s = m.sorted()
            return (s[s.count / 2], s[min(s.count - 1, Int(Double(s.count) * 0.95))], s.last!)
        }
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Resultat(premierEcran: premier, requeteAccueil: requete, ouvrirBase: ouvrirBase, toucheAccueil: accueil, ouvrirCohorte: stats(ouvertures), toucheCohorte: statsMax(touchesCohorte),
                        ouvrirApprenant: stats(ouverturesApprenant), toucheApprenant: statsMax(touchesApprenant),
                        cohortes: nombreCohortes, memoireMaxMio: Double(usage.ru_maxrss) / 1024)
    }
}

/// Every screen of the terminal UI on one base (issue 17): how long each takes to open (the key
/// that opens it, its request, the frame and the bytes for the terminal) and how long a key takes
/// once it is open. Run on the national base and on a base with one cohort of 1 000 learners.
enum BancEcrans {
    struct Mesure {
        var ecran: String
        var ouverture: (mediane: Double, p95: Double)
        var touche: (mediane: Double, p95: Double, max: Double)
    }

    /// The screens in the order they are printed.
    static let ecrans = ["accueil", "cohorte", "séances", "appel", "apprenant", "certification", "badges", "rapport"]

    static func stats(_ m: [Double]) -> (mediane: Double, p95: Double, max: Double) {
        let s = m.sorted()
        guard !s.isEmpty else { return (0, 0, 0) }
        return (s[s.count / 2], s[min(s.count - 1, Int(Double(s.count) * 0.95))], s.last!)
    }

    /// Opens `repetitions` times each screen of the cohorts at the bottom of the list (the oldest,
    /// held and finished: the fullest), a different cohort each time when there are several.
    static func mesurer(chemin: String, catalogue: Catalogue, repetitions: Int) throws -> [Mesure] {
        var ouvertures: [String: [Double]] = [:]
        var touches: [String: [Double]] = [:]
        var precedent = Tampon(taille: BancInterface.taille)
        /// A key that opens a screen: the key, the request, the frame, its diff.
        func ouvrir(_ ecran: String, _ session: inout SessionScriptee, _ touche: Touche) {
            ouvertures[ecran, default: []].append(Chrono.mesurer { BancInterface.touche(&session, touche, precedent: &precedent) } * 1000)
        }
        /// `fois` keys on the open screen, each timed.
        func parcourir(_ ecran: String, _ session: inout SessionScriptee, fois: Int, _ suite: [Touche]) {
            for i in 0..<fois {
                touches[ecran, default: []].append(Chrono.mesurer { BancInterface.touche(&session, suite[i % suite.count], precedent: &precedent) } * 1000)
            }
        }
        // The first screen, as `livret` starts: open the base, read the cohorts, draw.
        var session: SessionScriptee?
        for _ in 0..<repetitions {
            var nouvelle: SessionScriptee?
            let ms = try Chrono.mesurer {
                nouvelle = SessionScriptee(poste: try BancInterface.poste(chemin, catalogue: catalogue), taille: BancInterface.taille)
                precedent = nouvelle!.tampon
                _ = Differentiel.sequence(de: nil, vers: precedent, couleurs: true)
            } * 1000
            ouvertures["accueil", default: []].append(ms)
            session = nouvelle
        }
        guard var s = session else { return [] }
        parcourir("accueil", &s, fois: 200, Array(repeating: .bas, count: 9) + [.pageBas])
        for i in 0..<repetitions {
            s.taper(.fin)
            s.taper(Array(repeating: .haut, count: i))
            ouvrir("cohorte", &s, .entree)
            parcourir("cohorte", &s, fois: 30, [.bas, .bas, .haut, .pageBas, .pageHaut])
            ouvrir("apprenant", &s, .entree)
            parcourir("apprenant", &s, fois: 30, [.bas, .bas, .bas, .pageBas, .haut])
            s.taper(.echap)
            ouvrir("séances", &s, .caractere("a"))
            parcourir("séances", &s, fois: 20, [.haut, .bas])
            ouvrir("appel", &s, .entree)
            parcourir("appel", &s, fois: 30, [.bas, .bas, .haut, .pageBas, .pageHaut])
            s.taper(.echap, .echap)
            ouvrir("certification", &s, .caractere("c"))
            parcourir("certification", &s, fois: 20, [.bas, .bas, .haut])
            s.taper(.echap)
            ouvrir("badges", &s, .caractere("b"))
            parcourir("badges", &s, fois: 30, [.bas, .bas, .haut, .pageBas, .pageHaut])
            s.taper(.echap)
            ouvrir("rapport", &s, .caractere("r"))
            parcourir("rapport", &s, fois: 20, [.bas, .bas, .haut])
            s.taper(.echap, .echap)
            precedent = s.tampon
        }
        return ecrans.map { ecran in
            let o = stats(ouvertures[ecran] ?? [])
            return Mesure(ecran: ecran, ouverture: (o.mediane, o.p95), touche: stats(touches[ecran] ?? []))
        }
    }
}
