import LivretCore
import LivretServices
import LivretStore
import LivretTerminal

/// The day's permanence: people walk in, a formatrice or a volunteer helps them for an hour or
/// three, and each visit is noted as it happens — with a queue at the door, in a few keys.
///
/// The list shows the day's visits in the order they were noted, under the day's totals
/// (« 7 passages · 16 h 30 · 5 personnes ») and what new visits are recorded with (type, place,
/// intervenant: `t`, `l`, `i` change them for the rest of the session).
///
/// Noting a visit opens one line at the foot of the screen; every field has its default, so that
/// the usual visit is a handful of keys, and nothing is written before Entrée:
/// - `a`, an anonymous person: the sex by one letter (`f` `m` `a` `n`), then the age band by one
///   digit (`1`…`7` the bands of the reports, `0` non communiqué; the legend is shown), and the
///   cursor stands on the duration. The duration is the day's last one (2 h on the first visit):
///   Entrée records, or typing replaces it. « a f 3 Entrée » is a woman of 18–24 for the usual time.
/// - `n`, a person followed: the people are searched as one types (2 or 3 letters are enough,
///   case and accents ignored), ↑ ↓ choose, Entrée takes the person and goes to the duration,
///   Entrée records.
/// - Tab goes on to the thématiques, in short words (« email sante demarches »), then to the
///   orientation (La Coop asks whether the person was sent on to another structure): one digit,
///   0 « pas orientée », 1…7 the kind of structure, listed above while the field is active;
///   left alone it is « not said ». Échap abandons.
///
/// Why the fields come in this order and move on by themselves: the sex and the band are what
/// the formatrice sees or asks at the door, one key each; the duration is the same for most
/// visits of a day (a permanence has its hours), so it is filled in and never in the way; the
/// thématiques are optional and often known only later. A duration typed as a bare number under 5
/// (« 3 », « 1,5 ») is hours: nobody stays 3 minutes (a visit lasts at least 5), and it saves the
/// « h ». The band is one digit rather than a year: at the door one says « about 30 ».
///
/// Each visit is one call to ``ServiceAccompagnements/ajouter(db:catalogue:saisies:lignes:auteur:jour:)``,
/// one transaction; when it is refused, the line stays open with what was typed and the message
/// says what to change. `Suppr` (or `x`) deletes a visit noted by mistake, with a motif kept in the
/// journal; `s` notes the satisfaction questionnaire of the chosen visit; Entrée opens the livret
/// of a person followed.
public struct EcranPermanence: EcranTUI {
    let env: Environnement
    var journee: JourneePermanence?
    var defilement = Defilement()
    /// The walk-in being typed, if any.
    var saisie: SaisiePassage?
    /// Everyone the structure follows (not erased), loaded the first time `n` is pressed, by name.
    var personnes: [Apprenant]?
    /// The search among ``personnes``.
    var recherche = ListeFiltrable()
    /// A newcomer is being added (Ctrl-N in the search): the people are read again on return.
    var relirePersonnes = false
    /// The partner's name being typed (`L`).
    var nomLieu: ChampTexte?

    public init(env: Environnement) { self.env = env }

    public var titre: String { "Permanence du jour" }
    public var chargement: Demande? { .permanence }
    public var saisieEnCours: Bool { saisie != nil || nomLieu != nil }
    public var nonEnregistre: String? {
        saisie == nil ? nil : "un passage n'est pas encore noté : Entrée pour le noter, ou Échap pour l'abandonner."
    }

    var lignes: [AccompagnementLu] { journee?.lignes ?? [] }
    var reglages: ReglagesPermanence { journee?.reglages ?? ReglagesPermanence() }
    var selectionnee: AccompagnementLu? { lignes.indices.contains(defilement.selection) ? lignes[defilement.selection] : nil }
    /// The duration a new visit is filled with: the day's last one, else two hours.
    var dureeHabituelle: Int { lignes.last?.accompagnement.minutes ?? 120 }
    /// The person chosen in the search.
    var trouvee: Apprenant? { recherche.selection.flatMap { i in personnes.map { $0[i] } } }

    public var touches: [AideTouche] {
        if nomLieu != nil { return [AideTouche("Entrée", "garder ce lieu"), AideTouche("Échap", "annuler")] }
        if let s = saisie {
            let noter = AideTouche("Entrée", "noter le passage")
            switch s.champ {
            case .sexe: return [AideTouche("f m a n", "sexe"), AideTouche("Échap", "annuler")]
            case .age: return [AideTouche("1-7", "tranche d'âge"), AideTouche("0", "non communiqué"), noter, AideTouche("Échap", "annuler")]
            case .personne:
                return [AideTouche("lettres", "chercher"), AideTouche("Entrée", "prendre"), AideTouche("Ctrl-N", "nouvelle personne"),
                        AideTouche("Échap", "annuler")]
            case .duree: return [noter, AideTouche("Tab", "thématiques"), AideTouche("Échap", "annuler")]
            case .themes: return [noter, AideTouche("Tab", "orientation"), AideTouche("Maj-Tab", "durée"), AideTouche("Échap", "annuler")]
            case .orientation:
                return [AideTouche("0", "pas orientée"), AideTouche("1-7", "orientée vers…"), noter, AideTouche("Échap", "annuler")]
            }
        }
        return [AideTouche("a", "anonyme"), AideTouche("n", "personne suivie"), AideTouche("Suppr x", "supprimer"),
                AideTouche("s", "satisfaction"), AideTouche("t", "type"), AideTouche("l", "lieu"), AideTouche("L", "nommer le lieu"),
                AideTouche("i", "intervenant"), AideTouche("Entrée", "livret de la personne")]
    }

    public mutating func recevoir(_ reponse: Reponse) -> [Commande] {
        switch reponse {
        case .permanence(let j):
            let avant = journee?.lignes.count
            journee = j
            if avant.map({ j.lignes.count > $0 }) ?? true { defilement.selection = max(0, j.lignes.count - 1) }
            defilement.selection = min(defilement.selection, max(0, j.lignes.count - 1))
            if relirePersonnes { relirePersonnes = false; return [.demander(.apprenants)] }
            return []
        case .apprenants(let trouves):
            let liste = trouves.map(\.apprenant).filter { !$0.efface }
                .map { (Filtre.plier($0.nomAffiche), $0) }.sorted { ($0.0, $0.1.identifiant) < ($1.0, $1.1.identifiant) }.map(\.1)
            personnes = liste
            recherche.charger(liste.map { "\($0.nomAffiche) \($0.pseudonyme ?? "") \($0.identifiant)" })
            return []
        case .fait:
            // Recorded: the line closes; a deletion or a questionnaire come back through their forms.
            saisie = nil
            return [.demander(.permanence)]
        default:
            return []
        }
    }

    public mutating func touche(_ touche: Touche, hauteur: Int) -> [Commande]? {
        let h = max(1, hauteur - 6)
        if var champ = nomLieu { return toucheLieu(touche, &champ) }
        if var s = saisie {
            let commandes = toucheSaisie(touche, &s, hauteur: h)
            if saisie != nil { saisie = s }
            return commandes
        }
        if defilement.suivre(touche, nombre: lignes.count, hauteur: h) { return [] }
        switch touche {
        case .caractere("a"):
            saisie = SaisiePassage(suivie: false, minutes: dureeHabituelle)
            return []
        case .caractere("n"):
            saisie = SaisiePassage(suivie: true, minutes: dureeHabituelle)
            recherche.filtre = Filtre()
            recherche.filtre.actif = true
            recherche.defilement = Defilement()
            recherche.appliquer()
            return personnes == nil ? [.demander(.apprenants)] : []
        case .caractere("t"):
            var r = reglages
            let types: [TypeAccompagnement] = [.permanence, .rendezVous, .atelier]
            r.type = types[((types.firstIndex(of: r.type) ?? 0) + 1) % types.count]
            return [.demander(.reglerPermanence(r)), .info("Les prochains passages sont notés comme : \(r.type.libelle).")]
        case .caractere("l"):
            var r = reglages
            let lieux: [LieuAccompagnement] = [.structure, .partenaire, .domicile, .distance]
            r.lieu = lieux[((lieux.firstIndex(of: r.lieu) ?? 0) + 1) % lieux.count]
            let suite = r.lieu == .partenaire && r.nomPartenaire == nil ? " ; L pour nommer le lieu (par exemple « CCAS »)" : ""
            return [.demander(.reglerPermanence(r)), .info("Lieu des prochains passages : \(Self.lieu(r))\(suite).")]
        case .caractere("L"):
            nomLieu = ChampTexte(reglages.nomPartenaire ?? "", longueurMax: RegleAccompagnement.longueurLieu, preRempli: true)
            return []
        case .caractere("i"):
            guard let j = journee, j.intervenants.count > 1 else {
                return [.info("Une seule personne de la structure est enregistrée : les passages sont notés à son nom.")]
            }
            var r = reglages
            let actuel = r.intervenant ?? j.quiTravaille
            let suivant = j.intervenants[((actuel.flatMap { j.intervenants.firstIndex(of: $0) } ?? -1) + 1) % j.intervenants.count]
            r.intervenant = suivant == j.quiTravaille ? nil : suivant
            return [.demander(.reglerPermanence(r)), .info("Les prochains passages sont notés avec \(suivant).")]
        case .suppression, .caractere("x"):
            guard let lu = selectionnee, let id = lu.accompagnement.id else { return [] }
            let qui = PresentationPassage.personne(lu)
            return [.ouvrir(EcranFormulaire(ModeleTexte(
                titre: "Supprimer un passage",
                introduction: "Le passage de \(qui) (\(Format.duree(minutes: lu.accompagnement.minutes))) sera supprimé, avec son questionnaire s'il en a un. La suppression est gardée au journal, avec son motif.",
                etiquette: "Motif", aide: "Pourquoi, par exemple « noté deux fois » ou « mauvaise personne ».", bouton: "Supprimer le passage",
                obligatoire: "dites pourquoi le passage est supprimé (le motif).",
                fabrique: { .supprimerAccompagnement(id: id, motif: $0) })))]
        case .caractere("s"):
            guard let lu = selectionnee, let id = lu.accompagnement.id else { return [.info("Aucun passage choisi : notez-en un d'abord (a ou n).")] }
            return [.ouvrir(EcranFormulaire(ModeleSatisfaction(accompagnement: id, identifiant: lu.identifiant, qui: PresentationPassage.personne(lu))))]
        case .entree, .droite:
            guard let lu = selectionnee else { return [] }
            guard let identifiant = lu.identifiant else { return [.info("Une personne anonyme n'a pas de livret : n pour noter une personne suivie.")] }
            return [.ouvrir(EcranApprenant(identifiant: identifiant, env: env))]
        default:
            return nil
        }
    }

    /// « dans la structure », « CCAS (partenaire) »: short enough for the settings' row at 60 columns.
    static func lieu(_ r: ReglagesPermanence) -> String {
        r.lieuNom.map { "\($0) (partenaire)" } ?? r.lieu.libelle
    }

    mutating func toucheLieu(_ touche: Touche, _ champ: inout ChampTexte) -> [Commande] {
        switch touche {
        case .entree:
            nomLieu = nil
            var r = reglages
            let nom = champ.texte.trimmingCharacters(in: .whitespaces)
            r.lieu = .partenaire
            r.nomPartenaire = nom.isEmpty ? nil : nom
            if let nom = r.nomPartenaire {
                do { try RegleTexte.verifier(nom, champ: "le lieu", maximum: RegleAccompagnement.longueurLieu) } catch {
                    nomLieu = champ
                    return [.erreur(error.message)]
                }
            }
            return [.demander(.reglerPermanence(r)), .info("Lieu des prochains passages : \(Self.lieu(r)).")]
        case .echap, .ctrl("c"):
            nomLieu = nil
            return [.info("Lieu inchangé.")]
        default:
            _ = champ.appliquer(touche)
            nomLieu = champ
            return []
        }
    }

    /// A key while a walk-in is typed.
    mutating func toucheSaisie(_ touche: Touche, _ s: inout SaisiePassage, hauteur: Int) -> [Commande] {
        switch touche {
        case .echap, .ctrl("c"):
            saisie = nil
            return [.info("Rien n'a été noté.")]
        case .tabulation:
            if s.champ == .personne { return prendre(&s) }
            s.aller(1)
            return []
        case .tabulationArriere:
            s.aller(-1)
            return []
        case .entree:
            if s.champ == .personne { return prendre(&s) }
            switch s.saisie(jour: env.jour, reglages: reglages) {
            case .success(let demande): return [.demander(.ajouterAccompagnement(demande))]
            case .failure(let refus):
                s.champ = refus.champ
                return [.erreur(refus.message)]
            }
        default: break
        }
        switch s.champ {
        case .sexe:
            if case .caractere(let c) = touche, let sexe = SaisiePassage.sexe(c) {
                s.sexe = sexe
                s.champ = .age
            } else if case .caractere(let c) = touche, let chiffre = c.wholeNumberValue, let rang = SaisiePassage.rang(chiffre: chiffre) {
                s.rang = rang
                return [.info("Le sexe d'abord : f féminin, m masculin, a autre, n non communiqué.")]
            }
        case .age:
            if case .caractere(let c) = touche, let chiffre = c.wholeNumberValue {
                guard let rang = SaisiePassage.rang(chiffre: chiffre) else {
                    return [.info("Tranche d'âge : de 1 à \(SaisiePassage.tranches.bornes.count + 1), ou 0 pour non communiqué.")]
                }
                s.rang = rang
                s.champ = .duree
            } else if case .caractere(let c) = touche, let sexe = SaisiePassage.sexe(c) {
                s.sexe = sexe
            } else if touche == .retourArriere || touche == .gauche {
                if s.rang != nil { s.rang = nil } else { s.champ = .sexe }
            }
        case .personne:
            if touche == .ctrl("n") {
                relirePersonnes = true
                return [.ouvrir(EcranFormulaire(ModeleApprenant(existant: nil, consentement: nil, inscrireDans: nil, anneeCourante: env.jour.annee)))]
            }
            _ = recherche.toucheFiltre(touche, hauteur: hauteur)
        case .duree:
            _ = s.duree.appliquer(touche)
        case .themes:
            _ = s.themes.appliquer(touche)
        case .orientation:
            if case .caractere(let c) = touche, let chiffre = c.wholeNumberValue {
                guard let o = SaisiePassage.orientation(chiffre: chiffre) else {
                    return [.info("Orientation : 0 pas orientée, de 1 à \(StructureRedirection.allCases.count) le type de structure.")]
                }
                s.orientation = o
            } else if touche == .retourArriere || touche == .suppression {
                s.orientation = nil
            }
        }
        return []
    }

    /// Takes the person chosen in the search, and goes to the duration.
    mutating func prendre(_ s: inout SaisiePassage) -> [Commande] {
        guard let p = trouvee else {
            let tape = recherche.filtre.texte
            return [.info(tape.isEmpty ? "Tapez quelques lettres du nom de la personne."
                          : "Personne ne correspond à « \(tape) » : Ctrl-N pour l'ajouter, ou Échap puis a pour un passage anonyme.")]
        }
        s.personne = p
        s.champ = .duree
        return []
    }
}
