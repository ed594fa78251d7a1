"""The workbook package (OOXML zip): its entries within ``[limits]``, safe XML,
part and relationship names, the editable copy of a package and the zip writer
— the one layer under both reading and writing that opens a zip."""
