import LivretCore
import LivretStore

/// One line of an attendance sheet as typed by the formateur (command line or terminal UI).
public struct SaisiePresence: Sendable, Equatable {
    public var identifiant: String
    public var statut: StatutPresence
    /// Minutes when present for part of the séance; nil: the whole séance (or 0 when not present).
    public var minutes: Int?

    public init(identifiant: String, statut: StatutPresence, minutes: Int?) {
        self.identifiant = identifiant
        self.statut = statut
        self.minutes = minutes
    }
}

/// What a roll call holds once recorded: how many lines are filled in, out of how many.
public struct EtatAppel: Sendable, Equatable {
    public var presents: Int
    /// Lines recorded (présent, excusé or absent).
    public var saisis: Int
    /// People expected: everyone enrolled, drop-outs excepted unless a line was recorded for them.
    public var attendus: Int

    /// Every expected person has a line.
    public var complet: Bool { saisis >= attendus }

    /// « Appel complet » or « 1 sur 11 saisis », for lists and messages.
    public var libelle: String {
        complet ? "fait" : "\(saisis) sur \(attendus) \(Accord.forme(saisis, "saisi"))"
    }

    /// The state of a recorded sheet.
    public init(_ feuille: FeuilleAppel) {
        self.init(comptes: feuille.lignes.map { CompteAppel(statutInscription: $0.statutInscription, statut: $0.statut, nombre: 1) })
    }

    /// The state of a sheet from its lines counted by inscription status and recorded status
    /// (``Base/comptesAppels(cohorte:)``): the same rule as for a sheet read line by line.
    public init(comptes: [CompteAppel]) {
        presents = comptes.filter { $0.statut == .present }.reduce(0) { $0 + $1.nombre }
        saisis = comptes.filter { $0.statut != nil }.reduce(0) { $0 + $1.nombre }
        attendus = comptes.filter { $0.statutInscription != .abandon || $0.statut != nil }.reduce(0) { $0 + $1.nombre }
    }
}

/// The follow-up use cases, the same for the command line and the terminal UI: each one
/// transaction, attributed to `auteur` and dated `jour`; the rules they apply live in Core
/// (``RegleSeance``, ``RegleStatut``, ``UsageDonnees``, ``Catalogue/verifierCible(_:_:)``).
public enum ServiceSuivi {
    /// Adds a séance to a cohort (length and dates checked; `horsDates` for a make-up session outside them).
    public static func ajouterSeance(db: Base, cohorte: String, minutes: Int, theme: String?, horsDates: Bool = false,
                                     auteur: Formateur, jour: Jour) throws -> Seance {
        if let theme { try regle { () throws(ErreurRegle) in try RegleTexte.verifier(theme, champ: "le thème", maximum: RegleTexte.longueurNom) } }
        return try base { () throws(ErreurBase) in
            try db.ajouterSeance(cohorte: cohorte, date: jour, minutesPrevues: minutes, theme: theme, horsDates: horsDates, auteurId: auteur.id!)
        }
    }

    /// Deletes a séance created by mistake, with its attendance (recorded in the journal with `motif`).
    public static func supprimerSeance(db: Base, id: Int64, motif: String, auteur: Formateur, jour: Jour) throws -> SeanceSupprimee {
        try verifierMotif(motif)
        return try base { () throws(ErreurBase) in try db.supprimerSeance(id: id, motif: motif, auteurId: auteur.id!, date: jour) }
    }

    /// Records the lines of a roll call (a changed line is a correction, kept in the journal) and
    /// returns the sheet's state as recorded.
    public static func saisirAppel(db: Base, seance: Int64, _ saisies: [SaisiePresence], auteur: Formateur, jour: Jour) throws -> EtatAppel {
        try regle { () throws(ErreurRegle) in try RegleSeance.verifierUneLigneParPersonne(saisies.map(\.identifiant)) }
        try base { () throws(ErreurBase) in
            try db.saisirPresences(seanceId: seance, saisies.map { ($0.identifiant, $0.statut, $0.minutes) }, auteurId: auteur.id!, date: jour)
        }
        return EtatAppel(try base { () throws(ErreurBase) in try db.feuilleAppel(seanceId: seance) })
    }

    /// The séances of cohort `code`, by date, and the state of each one's attendance: the same
    /// states as ``EtatAppel/init(_:)`` on each sheet, counted for the whole cohort in one query.
    public static func seancesEtAppels(db: Base, cohorte code: String) throws -> (seances: [Seance], appels: [Int64: EtatAppel]) {
        let seances = try base { () throws(ErreurBase) in try db.seances(cohorte: code) }
        let comptes = try base { () throws(ErreurBase) in try db.comptesAppels(cohorte: code) }
        var appels: [Int64: EtatAppel] = [:]
        for seance in seances {
            guard let id = seance.id else { continue }
            appels[id] = EtatAppel(comptes: comptes[id] ?? [])
        }
        return (seances, appels)
    }

    /// Adds a preuve on an item or competence the référentiels know (the learner must have agreed to the follow-up);
    /// `accompagnement` names the visit it comes from, one of this learner's.
    public static func ajouterPreuve(db: Base, catalogue: Catalogue, apprenant identifiant: String, referentiel: ReferentielCible, code: String,
                                     niveau: NiveauPreuve, note: String? = nil, remplace: Int64? = nil, accompagnement: Int64? = nil,
                                     auteur: Formateur, jour: Jour) throws -> Preuve {
        do { try catalogue.verifierCible(referentiel, code) } catch { throw ErreurUtilisateur(error.message) }
        if let note { try verifierMotif(note, champ: "la note") }
        return try base { () throws(ErreurBase) in
            try db.ajouterPreuve(apprenant: identifiant, referentiel: referentiel, code: code, niveau: niveau, note: note, remplace: remplace,
                                 accompagnementId: accompagnement, auteurId: auteur.id!, date: jour)
        }
    }

    /// Withdraws a preuve (an appended retraction with its motif; the preuve stays readable).
    public static func retirerPreuve(db: Base, id: Int64, motif: String, auteur: Formateur, jour: Jour) throws -> Preuve {
        try verifierMotif(motif)
        return try base { () throws(ErreurBase) in try db.retirerPreuve(id: id, motif: motif, auteurId: auteur.id!, date: jour) }
    }

    /// Adds a note to a preuve: a new preuve, the same item and level, that replaces it with the
    /// note (the first one stays readable in the history).
    public static func annoterPreuve(db: Base, id: Int64, note: String, auteur: Formateur, jour: Jour) throws -> Preuve {
        try verifierMotif(note, champ: "la note")
        let preuve = try base { () throws(ErreurBase) in try db.preuve(id: id) }
        if preuve.retrait { throw ErreurUtilisateur("cette preuve a été retirée : on ne peut plus l'annoter.") }
        let apprenant = try base { () throws(ErreurBase) in try db.apprenant(id: preuve.apprenantId) }
        return try base { () throws(ErreurBase) in
            try db.ajouterPreuve(apprenant: apprenant.identifiant, referentiel: preuve.referentiel, code: preuve.code, niveau: preuve.niveau,
                                 note: note, remplace: id, auteurId: auteur.id!, date: jour)
        }
    }

    /// Moves an inscription on (« terminé » checks the critère d'achèvement; an abandon needs its motif).
    public static func changerStatut(db: Base, apprenant: String, cohorte: String, statut: StatutInscription, motif: String?,
                                     sortie: TypeSortie?, auteur: Formateur, jour: Jour) throws {
        if let motif { try verifierMotif(motif) }
        try base { () throws(ErreurBase) in
            try db.changerStatut(apprenant: apprenant, cohorte: cohorte, statut: statut, motif: motif, sortie: sortie, auteurId: auteur.id!, date: jour)
        }
    }

    /// Corrects a status recorded by mistake (the history keeps both, with the motif).
    public static func corrigerStatut(db: Base, apprenant: String, cohorte: String, statut: StatutInscription, motif: String,
                                      auteur: Formateur, jour: Jour) throws {
        try verifierMotif(motif)
        try base { () throws(ErreurBase) in
            try db.corrigerStatut(apprenant: apprenant, cohorte: cohorte, statut: statut, motif: motif, auteurId: auteur.id!, date: jour)
        }
    }

    /// Records that the person agrees to badges: a new dated consent signed by the formateur,
    /// the other scopes exactly as they were (none is ever given on the person's behalf).
    public static func accordBadges(db: Base, apprenant identifiant: String, auteur: Formateur, jour: Jour) throws -> Apprenant {
        try base { () throws(ErreurBase) in try db.accorderBadges(apprenant: identifiant, auteurId: auteur.id!, date: jour) }
    }

    /// Records a positionnement (levels checked against the référentiels; the learner must have agreed to the follow-up).
    public static func enregistrerPositionnement(db: Base, catalogue: Catalogue, apprenant: String, eurostat: IndicateurEurostat?,
                                                 niveaux: [Positionnement.Niveau], auteur: Formateur, jour: Jour) throws {
        guard eurostat != nil || !niveaux.isEmpty else { throw ErreurUtilisateur("rien à enregistrer : indiquez --eurostat, --pix ou --aptic.",
                                                                                         interface: "rien à enregistrer : répondez aux questions du positionnement.") }
        do {
            for niveau in niveaux {
                switch niveau.referentiel {
                case .pix: try catalogue.verifierNiveauPix(niveau.code, niveau.niveau)
                case .aptic: try catalogue.verifierCible(.aptic, niveau.code)
                }
            }
        } catch {
            throw ErreurUtilisateur(error.message)
        }
        try base { () throws(ErreurBase) in
            try db.enregistrerPositionnement(apprenant: apprenant, eurostat: eurostat, niveaux: niveaux, auteurId: auteur.id!, date: jour)
        }
    }

    /// Creates a cohort of a parcours template (dates checked), in one transaction.
    public static func creerCohorte(db: Base, catalogue: Catalogue, code: String, parcours: String, titre: String?, debut: Jour, fin: Jour?,
                                    auteur: Formateur) throws -> (Cohorte, ModeleParcours) {
        guard let modele = catalogue.modeleParcours(parcours) else {
            throw ErreurUtilisateur("le parcours « \(parcours) » n'existe pas. Parcours connus : \(catalogue.parcours.map(\.code).joined(separator: ", ")).")
        }
        let cohorte = try base { () throws(ErreurBase) in
            try db.creerCohorte(code: code, modele: modele, titre: titre, debut: debut, fin: fin, auteurId: auteur.id!)
        }
        return (cohorte, modele)
    }

    /// Enrols learners in a cohort, all or nothing.
    public static func inscrire(db: Base, cohorte: String, apprenants: [String], auteur: Formateur, jour: Jour) throws {
        try base { () throws(ErreurBase) in try db.inscrire(identifiants: apprenants, cohorte: cohorte, auteurId: auteur.id!, date: jour) }
    }

    /// Closes a cohort: no more séances.
    public static func cloturer(db: Base, cohorte: String, auteur: Formateur, jour: Jour) throws {
        try base { () throws(ErreurBase) in try db.cloturerCohorte(cohorte, auteurId: auteur.id!, date: jour) }
    }

    /// A motif or a note: several lines allowed, no control character, at most ``RegleTexte/longueurNote`` characters.
    static func verifierMotif(_ texte: String, champ: String = "le motif") throws {
        try regle { () throws(ErreurRegle) in
            try RegleTexte.verifier(texte, champ: champ, maximum: RegleTexte.longueurNote, plusieursLignes: true)
        }
    }
}
