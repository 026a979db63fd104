/// For a parcours in a report's scope: how many inscriptions reached each number of certified Pix competences.
public struct CertificationsParcours: Sendable, Equatable {
    public var modele: String
    public var inscrits: Int
    /// Number of competences certified at level ≥ 1 (best validated certification) → inscriptions.
    public var parNombreDeCompetences: [Int: Int]

    public init(modele: String, inscrits: Int, parNombreDeCompetences: [Int: Int]) {
        self.modele = modele
        self.inscrits = inscrits
        self.parNombreDeCompetences = parNombreDeCompetences
    }
}

extension Catalogue {
    /// The certification objectives of each parcours template against what its inscriptions
    /// achieved: the one rule behind a structure's reports and a network's.
    public func objectifsRealises(_ certifications: [CertificationsParcours]) -> [ObjectifRealise] {
        certifications.flatMap { entree -> [ObjectifRealise] in
            guard let modele = modeleParcours(entree.modele) else { return [] }
            return modele.objectifs.filter { $0.type == "certification" }.map { objectif in
                let minimum = objectif.competencesMin ?? 1
                let accord = modele.publicVise?.sexe == "feminin" ? "certifiées" : "certifiés"
                return ObjectifRealise(parcours: modele.entete.titre, libelle: "\(accord) (≥ \(Accord.nombre(minimum, "compétence")))",
                                       vise: objectif.effectifVise, effectifVise: objectif.effectifGroupe,
                                       realise: entree.parNombreDeCompetences.filter { $0.key >= minimum }.values.reduce(0, +),
                                       effectifReel: entree.inscrits)
            }
        }
    }
}
