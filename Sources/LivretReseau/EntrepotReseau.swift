import LivretCore

/// Where a network keeps its members and the extracts they sent: a SQLite file
/// (``EntrepotReseauSQLite``, a small network on one laptop) or a PostgreSQL server
/// (``EntrepotReseauPostgres``). Both give the same answers to the same calls; the rules
/// (which extract may be imported, what the report counts) are not here but in Core and in
/// `ServiceReseau`. Every call that writes is one transaction.
public protocol EntrepotReseau: Sendable {
    /// Creates or upgrades the schema (idempotent).
    func migrer() async throws
    /// Registers a member; throws ``ErreurReseau`` when the name is taken.
    func ajouterMembre(_ membre: MembreReseau) async throws
    /// Marks a member revoked from `jour`; throws ``ErreurReseau`` when unknown.
    func revoquerMembre(_ nom: String, le jour: Jour) async throws
    /// Every member, by name.
    func membres() async throws -> [MembreReseau]
    /// Records extracts already verified, in one transaction: their records, and the replacement of
    /// the extract in force for the same member and period (kept in the history, no longer counted).
    /// At most one extract per member and period in `lot` (``ErreurReseau`` otherwise, nothing written).
    func enregistrer(_ lot: [ExtraitAEnregistrer], recuLe: Jour) async throws
    /// The extracts received, newest first (all periods when nil), in force or replaced.
    func historique(periode: PeriodeReseau?) async throws -> [ExtraitRecu]
    /// The day the extract in force for this member and period was made, and its empreinte.
    func enVigueur(membre: String, periode: PeriodeReseau) async throws -> (faitLe: Jour, empreinte: String)?
    /// Whether an extract with this empreinte was ever received from this member.
    func dejaRecu(membre: String, empreinte: String) async throws -> Bool
    /// The report's rows: the facts of the extracts in force for the period added up by member
    /// (`parStructure`) or by territory (``AgregatReseau``), and for every member with an extract in
    /// force the inscriptions it left out for lack of consent.
    func agregats(periode: PeriodeReseau, parStructure: Bool) async throws -> (agregats: [AgregatReseau], horsStatistiques: [String: Int])
    /// Releases connections.
    func fermer() async throws
}

extension EntrepotReseau {
    /// Records one extract already verified, in one transaction (see ``enregistrer(_:recuLe:)``).
    public func enregistrer(_ extrait: ExtraitReseau, membre: String, empreinte: String, recuLe: Jour) async throws {
        try await enregistrer([ExtraitAEnregistrer(extrait, membre: membre, empreinte: empreinte)], recuLe: recuLe)
    }
}

/// An extract verified, with what the store keeps of its archive: the member that signed it and the
/// empreinte of its signed bytes.
public struct ExtraitAEnregistrer: Sendable {
    public var extrait: ExtraitReseau
    public var membre: String
    public var empreinte: String

    public init(_ extrait: ExtraitReseau, membre: String, empreinte: String) {
        self.extrait = extrait
        self.membre = membre
        self.empreinte = empreinte
    }

    /// Refuses a lot holding two extracts of one member and period (the second would replace the first
    /// in the same transaction: the service writes them in two).
    static func verifierLot(_ lot: [ExtraitAEnregistrer]) throws {
        var vus = Set<String>()
        for e in lot where !vus.insert("\(e.membre)\u{1F}\(e.extrait.periode.annee)").inserted {
            throw ErreurReseau("Deux extraits de « \(e.membre) » pour \(e.extrait.periode) dans un même enregistrement : rien n'a été enregistré.")
        }
    }
}

/// An error of the network's store or its rules, in French for the person running Livret.
public struct ErreurReseau: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
