package org.w3id.silkgraph.cli;

import org.w3id.silkgraph.query.ResultFormat;
import org.w3id.silkgraph.store.DumpFormat;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Option values picocli checks while parsing, so a bad one is a usage error (exit 2) with a one-line message. */
final class Converters {
    private Converters() {
    }

    static final class Dump implements ITypeConverter<DumpFormat> {
        @Override
        public DumpFormat convert(String value) {
            try {
                return DumpFormat.byName(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class Result implements ITypeConverter<ResultFormat> {
        @Override
        public ResultFormat convert(String value) {
            try {
                return ResultFormat.fromLabel(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("unknown result format '" + value + "' (table, csv, tsv, json)");
            }
        }
    }
}
