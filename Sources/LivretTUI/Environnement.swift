import LivretCore

/// What every screen may need besides its own data: the day and the référentiels.
public struct Environnement: Sendable {
    public let jour: Jour
    public let catalogue: Catalogue

    public init(jour: Jour, catalogue: Catalogue) {
        self.jour = jour
        self.catalogue = catalogue
    }
}
