// The separators a CSV file can use between fields. Excel opens a .csv with the list separator of the
// computer's language: a comma in English, a semicolon in Russian and most of Europe (where the comma
// is the decimal mark). A tab suits other programs and scripts.
export const CSV_DELIMITERS = [',', ';', '\t'] as const;

export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];
