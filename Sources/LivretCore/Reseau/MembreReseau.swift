/// A member structure of a network: its name, the key its extracts are signed with, its territory.
public struct MembreReseau: Sendable, Codable, Equatable, Hashable {
    /// As its extracts name it (``ExtraitReseau/structure``).
    public var nom: String
    /// The DID of its key (`did:jwk:…`): only extracts signed by this key are accepted from it.
    public var cle: String
    /// Département code (« 59 », « 2A », « 971 »).
    public var departement: String
    /// The commune's INSEE code (5 characters), when given.
    public var commune: String?
    /// The sub-network it belongs to (« Hub Nord », « Emmaüs Connect »), when given.
    public var reseau: String?
    /// Revoked on that day: its extracts are refused from then on (those already imported stay, said in the history).
    public var revoqueLe: Jour?

    public init(nom: String, cle: String, departement: String, commune: String? = nil, reseau: String? = nil, revoqueLe: Jour? = nil) {
        self.nom = nom
        self.cle = cle
        self.departement = departement
        self.commune = commune
        self.reseau = reseau
        self.revoqueLe = revoqueLe
    }
}

/// The rules of a network's members: what a territory looks like.
public enum RegleMembre {
    /// A département code: 01–95 (with 2A, 2B), 971–976. nil when valid, else a French message.
    public static func erreurDepartement(_ code: String) -> String? {
        let valides: Set<String> = Set((1...95).filter { $0 != 20 }.map { $0 < 10 ? "0\($0)" : "\($0)" } + ["2A", "2B"] + (971...976).map(String.init))
        return valides.contains(code.uppercased()) ? nil
            : "« \(code) » n'est pas un code de département : 2 chiffres (59), 2A ou 2B pour la Corse, 3 chiffres outre-mer (974)."
    }

    /// A commune's INSEE code: 5 characters, digits (2A/2B for Corsica), starting with its département. nil when valid.
    public static func erreurCommune(_ code: String, departement: String) -> String? {
        let c = code.uppercased()
        let forme = c.count == 5 && c.allSatisfy { $0.isNumber || $0 == "A" || $0 == "B" }
        guard forme, c.hasPrefix(departement.uppercased()) || (departement.count == 3 && c.hasPrefix(String(departement.prefix(3)))) else {
            return "« \(code) » n'est pas un code commune INSEE du département \(departement) : 5 caractères, qui commencent par \(departement) (59350 pour Lille)."
        }
        return nil
    }
}

/// An extract as a network keeps it: who sent it, when, whether a later one replaced it.
public struct ExtraitRecu: Sendable, Codable, Equatable {
    public var membre: String
    public var periode: PeriodeReseau
    /// SHA-256 (hex) of the extract's `extrait.json`: the same content gives the same value.
    public var empreinte: String
    /// The day the structure made it (an older one does not replace it).
    public var faitLe: Jour
    public var recuLe: Jour
    public var inscriptions: Int
    public var accompagnements: Int
    /// nil: in force; else the empreinte of the extract that replaced it.
    public var remplacePar: String?

    public init(membre: String, periode: PeriodeReseau, empreinte: String, faitLe: Jour, recuLe: Jour, inscriptions: Int, accompagnements: Int,
                remplacePar: String? = nil) {
        self.membre = membre
        self.periode = periode
        self.empreinte = empreinte
        self.faitLe = faitLe
        self.recuLe = recuLe
        self.inscriptions = inscriptions
        self.accompagnements = accompagnements
        self.remplacePar = remplacePar
    }
}
