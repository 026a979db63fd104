/// A learner: minimal, optional identity; year of birth only; categories for funder reports.
public struct Apprenant: Sendable, Equatable, Codable, Identifiable {
    public var id: Int64?
    /// A structure-local identifier ("A-0001"): what the formateur types, what a badge may carry.
    public var identifiant: String
    public var prenom: String?
    public var nom: String?
    /// A pseudonym, for learners who prefer not to give their name.
    public var pseudonyme: String?
    /// Year of birth only, never the full date.
    public var anneeNaissance: Int?
    public var sexe: Sexe
    public var qpv: ResidenceQPV
    public var statutSocial: StatutSocial
    public var niveauDiplome: String?
    /// Contact, only if the learner wants badges sent.
    public var email: String?
    public var telephone: String?
    /// Set once the identity has been erased (RGPD): statistics stay, the person is gone.
    public var efface: Bool
    public var creeLe: Jour
    public var creePar: Int64

    public init(id: Int64? = nil, identifiant: String, prenom: String? = nil, nom: String? = nil, pseudonyme: String? = nil,
                anneeNaissance: Int? = nil, sexe: Sexe = .nonCommunique, qpv: ResidenceQPV = .nonCommunique,
                statutSocial: StatutSocial = .nonCommunique, niveauDiplome: String? = nil, email: String? = nil,
                telephone: String? = nil, efface: Bool = false, creeLe: Jour, creePar: Int64) {
        self.id = id
        self.identifiant = identifiant
        self.prenom = prenom
        self.nom = nom
        self.pseudonyme = pseudonyme
        self.anneeNaissance = anneeNaissance
        self.sexe = sexe
        self.qpv = qpv
        self.statutSocial = statutSocial
        self.niveauDiplome = niveauDiplome
        self.email = email
        self.telephone = telephone
        self.efface = efface
        self.creeLe = creeLe
        self.creePar = creePar
    }

    /// The name to show: "Prénom Nom", else the pseudonym, else the identifier.
    public var nomAffiche: String {
        if efface { return "\(identifiant) (effacé)" }
        let complet = [prenom, nom].compactMap { $0 }.joined(separator: " ")
        if !complet.isEmpty { return complet }
        return pseudonyme ?? identifiant
    }

    /// Checks what a formateur typed or a file held; returns French messages, empty when all is well.
    public func problemes(anneeCourante: Int) -> [String] {
        problemesParChamp(anneeCourante: anneeCourante).map(\.message)
    }

    /// The same problems, each with the property it is about (`identifiant`, `prenom`, `nom`,
    /// `pseudonyme`, `anneeNaissance`, `niveauDiplome`, `email`, `telephone`), so that an import
    /// can name the column. The rules are ``RegleTexte``'s.
    public func problemesParChamp(anneeCourante: Int) -> [(champ: String, message: String)] {
        var problemes: [(champ: String, message: String)] = []
        if let probleme = RegleTexte.problemeCode(identifiant, champ: "l'identifiant") { problemes.append(("identifiant", probleme)) }
        let textes: [(String?, String, String, Int)] = [
            (prenom, "prenom", "le prénom", RegleTexte.longueurNom), (nom, "nom", "le nom", RegleTexte.longueurNom),
            (pseudonyme, "pseudonyme", "le pseudonyme", RegleTexte.longueurNom),
            (niveauDiplome, "niveauDiplome", "le niveau de diplôme", RegleTexte.longueurNom),
            (email, "email", "l'adresse e-mail", RegleTexte.longueurEmail),
            (telephone, "telephone", "le téléphone", RegleTexte.longueurTelephone),
        ]
        for case let (texte?, propriete, champ, maximum) in textes {
            if let probleme = RegleTexte.probleme(texte, champ: champ, maximum: maximum) { problemes.append((propriete, probleme)) }
        }
        if let annee = anneeNaissance, !(1900...anneeCourante).contains(annee) {
            problemes.append(("anneeNaissance", "l'année de naissance \(annee) n'est pas plausible (entre 1900 et \(anneeCourante))"))
        }
        if let email, !email.isEmpty, !(email.contains("@") && email.contains(".")), !problemes.contains(where: { $0.champ == "email" }) {
            problemes.append(("email", "l'adresse e-mail « \(email) » n'a pas la forme nom@domaine.fr"))
        }
        return problemes
    }

    /// Throws the first problem, as a rule error (services check every write through it).
    public func verifier(anneeCourante: Int) throws(ErreurRegle) {
        let tous = problemes(anneeCourante: anneeCourante)
        if !tous.isEmpty { throw ErreurRegle(tous.joined(separator: " ; ") + ".") }
    }
}

extension Apprenant {
    /// The format of a structure-local identifier: « A- » and the learner's number on at least four
    /// digits (A-0001, A-12345). The only place it is written; no code reads a number back out of one.
    public static func identifiantLocal(numero: Int) -> String {
        let chiffres = String(numero)
        return "A-" + String(repeating: "0", count: max(0, 4 - chiffres.count)) + chiffres
    }
}

/// What the learner agreed to, and when.
public struct Consentement: Sendable, Equatable, Codable {
    public var id: Int64?
    public var apprenantId: Int64
    public var date: Jour
    /// Follow-up of the learner's path.
    public var suivi: Bool
    /// Issuing badges in their name.
    public var badges: Bool
    /// Counting them, anonymously, in statistics.
    public var statistiques: Bool
    public var auteurId: Int64
    /// Passing their name, year of birth, contact and sex on to La Coop de la médiation numérique
    /// (its beneficiary import file).
    public var coop: Bool
    /// Given by the person herself, in her own space (issue 21); otherwise noted by the formatrice
    /// ``auteurId`` from what the person said.
    public var parLaPersonne: Bool

    public init(id: Int64? = nil, apprenantId: Int64, date: Jour, suivi: Bool, badges: Bool, statistiques: Bool, coop: Bool = false,
                parLaPersonne: Bool = false, auteurId: Int64) {
        self.id = id
        self.apprenantId = apprenantId
        self.date = date
        self.suivi = suivi
        self.badges = badges
        self.statistiques = statistiques
        self.coop = coop
        self.parLaPersonne = parLaPersonne
        self.auteurId = auteurId
    }
}

/// A person who trains learners; every write records one.
public struct Formateur: Sendable, Equatable, Codable, Identifiable {
    public var id: Int64?
    public var nom: String

    public init(id: Int64? = nil, nom: String) {
        self.id = id
        self.nom = nom
    }
}
