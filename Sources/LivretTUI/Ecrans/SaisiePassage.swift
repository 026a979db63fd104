import LivretCore
import LivretServices
import LivretStore
import LivretTerminal

/// The quick entry of one walk-in, on one line at the foot of the permanence screen: who (an
/// anonymous person by sex and age band, or a person followed, found by name), how long, and
/// optionally the thématiques. Pure state; ``EcranPermanence`` routes the keys.
struct SaisiePassage: Equatable {
    /// The fields, in the order Tab goes through them.
    enum Champ: Equatable {
        case sexe, age, personne, duree, themes, orientation
    }

    /// A person followed (found by name) rather than an anonymous one.
    let suivie: Bool
    var sexe: Sexe?
    /// The age band's index in ``tranches``' labels; nil: not given (recorded as « non communiqué »).
    var rang: Int?
    /// The person followed, once chosen in the search.
    var personne: Apprenant?
    var champ: Champ
    var duree: ChampTexte
    var themes = ChampTexte(longueurMax: 120)
    /// Sent on to another structure: nil not said (the usual), chosen by one digit (``orientation(chiffre:)``).
    var orientation: Orientation?

    /// The bands a digit chooses: 1 for the first, 0 for « non communiqué ».
    static let tranches = TranchesAge.parDefaut
    /// One key a sex: f, m (or h), a, n, in either case.
    static func sexe(_ touche: Character) -> Sexe? {
        ["f": .feminin, "m": .masculin, "h": .masculin, "a": .autre, "n": .nonCommunique][String(touche).lowercased()]
    }
    /// What the thématiques field suggests (``ThematiqueCoop/depuisSaisie(_:)`` reads more).
    static let themesCourts = ["email", "sante", "demarches", "banque", "emploi", "securite", "internet", "materiel", "ia", "logement", "diagnostic"]

    /// An empty entry; the duration is filled with `minutes` (typing replaces it).
    init(suivie: Bool, minutes: Int) {
        self.suivie = suivie
        champ = suivie ? .personne : .sexe
        duree = ChampTexte(SaisieDuree.texte(minutes: minutes), longueurMax: 12, preRempli: true)
    }

    var ordre: [Champ] { suivie ? [.personne, .duree, .themes, .orientation] : [.sexe, .age, .duree, .themes, .orientation] }

    /// To the next (or previous) field; a person followed must be chosen before the duration.
    mutating func aller(_ sens: Int) {
        guard let i = ordre.firstIndex(of: champ) else { return }
        let suivant = ordre[min(max(0, i + sens), ordre.count - 1)]
        if suivie && personne == nil && suivant != .personne { return }
        champ = suivant
        // Back on the duration, what is there is selected: typing replaces it, as when the line opened.
        if champ == .duree && !duree.texte.isEmpty { duree.preRempli = true }
    }

    /// The band of a digit: 1…7 the default bands, 0 « non communiqué ».
    static func rang(chiffre: Int) -> Int? {
        let bandes = tranches.bornes.count + 1
        if chiffre == 0 { return bandes }
        return (1...bandes).contains(chiffre) ? chiffre - 1 : nil
    }

    /// The orientation of a digit: 0 « pas orientée », 1…7 La Coop's kinds of structure in its order.
    static func orientation(chiffre: Int) -> Orientation? {
        let choix = Orientation.allCases
        return choix.indices.contains(chiffre) ? choix[chiffre] : nil
    }

    /// Minutes from what was typed, as everywhere in Livret (``SaisieDuree``): « 2h », « 1h30 »,
    /// « 45 min », « 90 », and « 3 » or « 1,5 » as hours.
    static func minutes(_ texte: String) -> Int? { SaisieDuree.minutes(texte) }

    /// The thématiques from short names separated by spaces or commas.
    static func thematiques(_ texte: String) -> Result<[ThematiqueCoop], RefusSaisie> {
        var resultat: [ThematiqueCoop] = []
        for mot in texte.split(whereSeparator: { $0 == " " || $0 == "," || $0 == ";" }) {
            guard let t = ThematiqueCoop.depuisSaisie(String(mot)) else {
                return .failure(RefusSaisie("« \(RegleTexte.visible(String(mot), maximum: 30)) » n'est pas une thématique : écrivez par exemple "
                                            + "email, sante, demarches, banque, emploi ou securite, séparés par des espaces."))
            }
            if !resultat.contains(t) { resultat.append(t) }
        }
        return .success(resultat)
    }

    /// The request to record this walk-in, or what to correct (with the field to go back to).
    func saisie(jour: Jour, reglages: ReglagesPermanence) -> Result<SaisieAccompagnement, RefusChamp> {
        let personne: SaisieAccompagnement.Personne
        if suivie {
            guard let p = self.personne else {
                return .failure(RefusChamp("choisissez d'abord la personne : tapez quelques lettres de son nom, puis Entrée.", .personne))
            }
            personne = .apprenant(p.identifiant)
        } else {
            guard let sexe else { return .failure(RefusChamp("le sexe d'abord : f féminin, m masculin, a autre, n non communiqué.", .sexe)) }
            let tranche = rang.flatMap { $0 <= Self.tranches.bornes.count ? Self.tranches.libelles[$0] : nil } ?? ""
            personne = .anonyme(sexe: sexe, tranche: tranche)
        }
        guard let minutes = Self.minutes(duree.texte) else {
            return .failure(RefusChamp("« \(RegleTexte.visible(duree.texte, maximum: 20)) » n'est pas une durée : écrivez par exemple 2h, 1h30, 45 min ou 3 (heures).", .duree))
        }
        let thematiques: [ThematiqueCoop]
        switch Self.thematiques(themes.texte) {
        case .success(let t): thematiques = t
        case .failure(let refus): return .failure(RefusChamp(refus.message, .themes))
        }
        return .success(SaisieAccompagnement(date: jour, minutes: minutes, type: reglages.type, lieu: reglages.lieu, lieuNom: reglages.lieuNom,
                                             intervenant: reglages.intervenant, personne: personne, thematiques: thematiques,
                                             orientation: orientation))
    }

    /// Why an entry cannot be recorded yet, and where to correct it.
    struct RefusChamp: Error, Equatable {
        var message: String
        var champ: Champ
        init(_ message: String, _ champ: Champ) {
            self.message = message
            self.champ = champ
        }
    }
}

/// How the permanence screen words a walk-in: who, the age band, the thématiques.
enum PresentationPassage {
    /// « anonyme — féminin, 18–24 ans », « anonyme — masculin, âge n.c. » (non communiqué).
    static func anonyme(sexe: Sexe, tranche: String?) -> String {
        let s = sexe == .nonCommunique ? "sexe n.c." : sexe.libelle
        return "anonyme — \(s), \(tranche ?? "âge n.c.")"
    }

    /// The band of an anonymous person in `annee`, nil when not given.
    static func tranche(_ naissance: ClosedRange<Int>?, annee: Int) -> String? {
        let tranches = SaisiePassage.tranches
        let rang = tranches.rang(naissances: naissance, anneeReference: annee)
        return rang <= tranches.bornes.count ? tranches.libelles[rang] : nil
    }

    /// « A-0001 Awa Traoré », or the anonymous person's sex and age band.
    static func personne(_ lu: AccompagnementLu) -> String {
        if let anonyme = lu.accompagnement.anonyme {
            return self.anonyme(sexe: anonyme.sexe, tranche: tranche(anonyme.naissance, annee: lu.accompagnement.date.annee))
        }
        return [lu.identifiant, lu.nom].compactMap { $0 }.joined(separator: " ")
    }

    /// A thématique in a few words for a column: « démarches », « e-mail », « logement ».
    static func court(_ t: ThematiqueCoop) -> String {
        switch t {
        case .aideAuxDemarchesAdministratives: "démarches"
        case .email: "e-mail"
        case .sante: "santé"
        case .banqueEtAchatsEnLigne: "banque"
        case .insertionProfessionnelle: "emploi"
        case .securiteNumerique: "sécurité"
        case .navigationSurInternet: "internet"
        case .prendreEnMainDuMateriel: "matériel"
        case .diagnosticNumerique: "diagnostic"
        case .intelligenceArtificielle: "IA"
        default:
            t.libelle.hasPrefix("Démarches : ") ? "démarches " + t.libelle.dropFirst("Démarches : ".count) : t.libelle
        }
    }

    /// An orientation in a word or two for the foot line: « non », « aide sociale ».
    static func orientation(_ o: Orientation) -> String {
        o.structure?.court ?? "non"
    }

    /// The legend of the age digits, as short as `largeur` needs: « 1 moins de 12 ans · … · 0 non communiqué ».
    static func legendeAges(largeur: Int) -> String {
        let t = SaisiePassage.tranches
        let courts = (0...t.bornes.count).map { rang -> String in
            if rang == 0 { return "<\(t.bornes[0])" }
            if rang == t.bornes.count { return "\(t.bornes[rang - 1])+" }
            return "\(t.bornes[rang - 1])–\(t.bornes[rang] - 1)"
        }
        let longs = courts.enumerated().map { "\($0.offset + 1) \($0.element)" } + ["0 non communiqué"]
        for (elements, separateur) in [(longs, " · "), (longs.dropLast() + ["0 n.c."], " · "), (longs.dropLast() + ["0 n.c."], " ")] {
            let texte = elements.joined(separator: separateur)
            if Largeur.colonnes(texte) <= largeur { return texte }
        }
        return (longs.dropLast() + ["0 n.c."]).joined(separator: " ")
    }
}
