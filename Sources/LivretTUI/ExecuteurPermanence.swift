import LivretCore
import LivretServices
import LivretStore

/// What the next walk-ins of the permanence are recorded with, until changed: the kind of
/// activity, the place and who accompanies. Kept by the ``Poste`` for the whole session, so that
/// leaving the screen (to add a newcomer, to open a livret) and coming back keeps them.
public struct ReglagesPermanence: Sendable, Equatable {
    public var type: TypeAccompagnement
    public var lieu: LieuAccompagnement
    /// The partner's place (« CCAS », « médiathèque Verlaine »), recorded with ``LieuAccompagnement/partenaire``.
    public var nomPartenaire: String?
    /// Who accompanies, by name; nil: who works on this machine (the author of the writes).
    public var intervenant: String?

    public init(type: TypeAccompagnement = .permanence, lieu: LieuAccompagnement = .structure, nomPartenaire: String? = nil,
                intervenant: String? = nil) {
        self.type = type
        self.lieu = lieu
        self.nomPartenaire = nomPartenaire
        self.intervenant = intervenant
    }

    /// The place's name as recorded: the partner's name, only with « chez un partenaire ».
    public var lieuNom: String? { lieu == .partenaire ? nomPartenaire : nil }
}

/// The day of the permanence screen: the day's accompaniments, oldest first (the order people
/// came in), and what the next ones are recorded with.
public struct JourneePermanence: Sendable {
    public var jour: Jour
    public var lignes: [AccompagnementLu]
    public var reglages: ReglagesPermanence
    /// The people of the structure who can accompany (formateurs and volunteers), in order of creation.
    public var intervenants: [String]
    /// Who works on this machine: the intervenant when none is chosen.
    public var quiTravaille: String?
}

extension Executeur {
    /// The requests of the permanence screen: each write is one call to a service, one transaction.
    func executerPermanence(_ demande: Demande) throws -> Reponse {
        switch demande {
        case .permanence:
            return .permanence(try journee())
        case .reglerPermanence(let reglages):
            poste.reglagesPermanence = reglages
            return .permanence(try journee())
        case .ajouterAccompagnement(let saisie):
            let db = try poste.base()
            try ServiceAccompagnements.ajouter(db: db, catalogue: poste.catalogue, saisies: [saisie], auteur: try poste.auteur(), jour: poste.jour)
            let qui: String
            switch saisie.personne {
            case .apprenant(let identifiant):
                qui = try base { () throws(ErreurBase) in try db.apprenant(identifiant) }.nomAffiche
            case .anonyme(let sexe, let tranche):
                qui = PresentationPassage.anonyme(sexe: sexe, tranche: tranche.isEmpty ? nil : tranche)
            }
            return .fait("Passage noté : \(qui), \(Format.duree(minutes: saisie.minutes)).")
        case .supprimerAccompagnement(let id, let motif):
            _ = try ServiceAccompagnements.supprimer(db: try poste.base(), id: id, motif: motif, auteur: try poste.auteur(), jour: poste.jour)
            return .fait("Passage supprimé ; il reste au journal, avec le motif.")
        case .noterSatisfaction(let saisie):
            try ServiceQualite.noterSatisfaction(db: try poste.base(), saisie: saisie, auteur: try poste.auteur(), jour: poste.jour)
            let citation = saisie.citation == .non ? "" : " (\(saisie.citation.libelle))"
            return .fait("Questionnaire de satisfaction noté\(citation).")
        default:
            throw ErreurUtilisateur("cette action n'est pas encore possible ici.")
        }
    }

    private func journee() throws -> JourneePermanence {
        let db = try poste.base()
        let lignes = try ServiceAccompagnements.duJour(db: db, jour: poste.jour)
        let intervenants = try base { () throws(ErreurBase) in try db.formateurs() }.map(\.nom)
        return JourneePermanence(jour: poste.jour, lignes: lignes, reglages: poste.reglagesPermanence, intervenants: intervenants,
                                 quiTravaille: try? poste.auteur().nom)
    }
}
